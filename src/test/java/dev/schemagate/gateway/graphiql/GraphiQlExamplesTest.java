package dev.schemagate.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL opens with the examples of the README's section "Example queries", one tab each, in the README's order; the tabs
 * only add a comment and an operation name, which GraphiQL shows as the tab's title.
 */
class GraphiQlExamplesTest {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("(?ms)^```graphql\\n(.*?)^```");

    @Test
    void theTabsAreTheReadmeExamples() throws IOException {
        List<String> readme = new ArrayList<>();
        Matcher blocks = GRAPHQL_BLOCK.matcher(exampleSection(Files.readString(Path.of("README.md"))));
        while (blocks.find()) {
            readme.add(withoutOperationNames(blocks.group(1)));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("graphiql/examples"))) {
            files = listing.filter(file -> file.toString().endsWith(".graphql")).sorted().toList();
        }
        List<String> tabs = new ArrayList<>();
        for (Path file : files) {
            String example = Files.readString(file);
            assertThat(Parser.parse(example).getDefinitionsOfType(OperationDefinition.class))
                    .as(file.toString()).singleElement().satisfies(operation -> assertThat(operation.getName()).isNotBlank());
            tabs.add(withoutOperationNames(example));
        }
        String entry = Files.readString(Path.of("graphiql/src/examples.js"));

        assertThat(readme).isNotEmpty();
        assertThat(tabs).containsExactlyElementsOf(readme);
        assertThat(files).allSatisfy(file -> assertThat(entry).contains("'../examples/" + file.getFileName() + "?raw'"));
    }

    private static String exampleSection(String readme) {
        int start = readme.indexOf("\n## Example queries");
        assertThat(start).as("the README's section of example queries").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @SuppressWarnings("rawtypes")
    private static String withoutOperationNames(String text) {
        Document document = Parser.parse(text);
        List<Definition> operations = new ArrayList<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            operations.add(operation.transform(unnamed -> unnamed.name(null)));
        }
        return AstPrinter.printAst(document.transform(builder -> builder.definitions(operations)));
    }
}
