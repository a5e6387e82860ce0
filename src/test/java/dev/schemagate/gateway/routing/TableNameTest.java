package dev.schemagate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

    @Test
    void parsesAndQuotesSchemaQualifiedNames() {
        TableName name = TableName.parse(" Chat.Conversations ");
        assertThat(name).isEqualTo(new TableName("chat", "conversations"));
        assertThat(name.sql()).isEqualTo("\"chat\".\"conversations\"");
        assertThat(name).hasToString("chat.conversations");
    }

    @ParameterizedTest
    @ValueSource(strings = { "conversations", "a.b.c", "chat.\"x\"", "chat.x;drop table y", "chat.", ".x", "chat.x y" })
    void refusesAnythingButPlainIdentifiers(String text) {
        assertThatThrownBy(() -> TableName.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsTheCredentialTables() {
        assertThat(ForbiddenTables.contains(TableName.parse("PUBLIC.SECRETS"))).isTrue();
        assertThat(ForbiddenTables.contains(TableName.parse("public.jwt_tokens"))).isTrue();
        assertThat(ForbiddenTables.contains(TableName.parse("public.files"))).isFalse();
    }
}
