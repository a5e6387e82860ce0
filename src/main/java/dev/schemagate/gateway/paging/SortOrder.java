package dev.schemagate.gateway.paging;

/**
 * One ordering of a connection: a sort column and direction, then {@code id} ascending as the
 * tie-breaker. Text columns sort with null as the empty string, so every row has a key.
 *
 * @param name      tags the cursors of this ordering, so a cursor of another one is refused
 * @param column    the column, present in every routed table of the type
 * @param text      whether the column is text (otherwise a timestamp)
 * @param ascending the direction of the column
 */
public record SortOrder(String name, String column, boolean text, boolean ascending) {

    public static SortOrder of(String type, String field, String column, boolean text, boolean ascending) {
        return new SortOrder(type + ":" + field + ":" + (ascending ? "ASC" : "DESC"), column, text, ascending);
    }

    /** The sort key over a table alias. */
    public String key(String alias) {
        return text ? "coalesce(" + alias + "." + column + ", '')" : alias + "." + column;
    }

    /** Rows strictly after the cursor bound to {@code :p} / {@code :pId} in this order. */
    public String after(String alias, String key, String id) {
        return "(" + key(alias) + (ascending ? " > " : " < ") + key + " or (" + key(alias) + " = " + key
                + " and " + alias + ".id > " + id + "))";
    }

    /** Rows strictly before the cursor in this order. */
    public String before(String alias, String key, String id) {
        return "(" + key(alias) + (ascending ? " < " : " > ") + key + " or (" + key(alias) + " = " + key
                + " and " + alias + ".id < " + id + "))";
    }

    /** The order by clause; backward reads from the end, to be reversed afterwards. */
    public String orderBy(String alias, boolean backward) {
        boolean up = ascending != backward;
        return key(alias) + (up ? " asc" : " desc") + ", " + alias + ".id" + (backward ? " desc" : " asc");
    }

    /** The value a cursor's key binds as: its text, or the timestamp it encodes. */
    public Object bindValue(Cursor cursor) {
        return text ? cursor.key() : cursor.at();
    }
}
