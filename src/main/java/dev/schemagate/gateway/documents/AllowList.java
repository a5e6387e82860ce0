package dev.schemagate.gateway.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.ParseAndValidate;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

/**
 * The documents an allow-listed gateway runs: every {@code .graphql} file under one folder.
 * A request names one by its exact text, by a text that differs only in whitespace, commas
 * and comments (the same syntax tree), or by the SHA-256 of the file, as {@code sha256sum}
 * prints it.
 */
public final class AllowList {

    private final String folder;
    private final Map<String, Path> files;
    private final Map<String, String> textByHash = new HashMap<>();
    private final Map<String, String> textByTree = new HashMap<>();

    private AllowList(String folder, Map<String, Path> files, Map<String, byte[]> contents) {
        this.folder = folder;
        this.files = files;
        contents.forEach((text, bytes) -> {
            textByHash.put(PersistedQuery.sha256(bytes), text);
            textByTree.put(tree(text), text);
        });
    }

    /** Reads every {@code .graphql} file under the folder; each must be readable UTF-8 and valid syntax. */
    public static AllowList load(String folder) {
        Path root = folder(folder);
        List<Path> paths = graphQlFiles(folder, root);
        List<String> problems = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path path : paths) {
            String name = root.relativize(path).toString();
            try {
                byte[] bytes = Files.readAllBytes(path);
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                parse(text);
                files.putIfAbsent(text, path);
                contents.putIfAbsent(text, bytes);
            }
            catch (CharacterCodingException ex) {
                problems.add(name + ": not UTF-8 text");
            }
            catch (IOException ex) {
                problems.add(name + ": cannot be read (" + ex.getMessage() + ")");
            }
            catch (InvalidSyntaxException ex) {
                problems.add(name + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AllowListException(folder, problems);
        }
        return new AllowList(folder, files, contents);
    }

    private static Path folder(String folder) {
        Path root;
        try {
            root = Path.of(folder).toAbsolutePath().normalize();
        }
        catch (InvalidPathException ex) {
            throw new AllowListException(folder, List.of("not a valid path: " + ex.getMessage()));
        }
        if (!Files.exists(root)) {
            throw new AllowListException(folder, List.of("no such folder: " + root));
        }
        if (!Files.isDirectory(root)) {
            throw new AllowListException(folder, List.of("not a folder: " + root));
        }
        if (!Files.isReadable(root)) {
            throw new AllowListException(folder, List.of("the folder cannot be read: " + root));
        }
        return root;
    }

    private static List<Path> graphQlFiles(String folder, Path root) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).filter(path -> path.getFileName().toString().endsWith(".graphql")).sorted().toList();
        }
        catch (IOException | UncheckedIOException ex) {
            throw new AllowListException(folder, List.of("the folder cannot be read: " + ex.getMessage()));
        }
        if (paths.isEmpty()) {
            throw new AllowListException(folder, List.of("no .graphql files in " + root));
        }
        return paths;
    }

    /** Refuses to start where a document is not a valid operation against the schema. */
    public void validate(GraphQLSchema schema) {
        List<String> problems = new ArrayList<>();
        files.forEach((text, path) -> {
            for (ValidationError error : ParseAndValidate.validate(schema, parse(text))) {
                problems.add(path.getFileName() + ": " + error.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new AllowListException(folder, problems);
        }
    }

    /** The allowed document this text is, or {@code null} where it is none. */
    public String match(String text) {
        if (files.containsKey(text)) {
            return text;
        }
        try {
            return textByTree.get(tree(text));
        }
        catch (InvalidSyntaxException ex) {
            return null;
        }
    }

    /** The allowed document whose file has this SHA-256 (lower-case hexadecimal), or {@code null}. */
    public String byHash(String hash) {
        return textByHash.get(hash);
    }

    public int size() {
        return files.size();
    }

    public String folder() {
        return folder;
    }

    private static Document parse(String text) {
        return Parser.parse(ParserEnvironment.newParserEnvironment()
                .document(text)
                .parserOptions(ParserOptions.getDefaultOperationParserOptions())
                .build());
    }

    /** The document as its syntax tree prints compactly: what remains when whitespace, commas and comments go. */
    private static String tree(String text) {
        return AstPrinter.printAstCompact(parse(text));
    }
}
