package dev.schemagate.gateway.http;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses operations deeper, wider or more aliased than {@link QueryLimits} allows, after
 * validation and before any field runs; and sets the parser's token and size limits.
 */
@Component
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;

    public QueryLimitsInstrumentation(QueryLimits limits) {
        this.limits = limits;
        ParserOptions parser = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxDocumentBytes()));
        ParserOptions.setDefaultOperationParserOptions(parser);
    }

    /** What one walk over an operation found. */
    private static final class Shape {
        int depth;
        int aliases;
        final Set<String> rootKeys = new HashSet<>();
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        int fields = 0;
        for (Definition<?> definition : parameters.getDocument().getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                fields += count(operation.getSelectionSet());
            }
            else if (definition instanceof FragmentDefinition fragment) {
                fields += count(fragment.getSelectionSet());
            }
        }
        refuseAbove("field selections", fields, limits.maxFields());
        return super.beginValidation(parameters, state);
    }

    private static int count(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                fields += 1 + count(field.getSelectionSet());
            }
            else if (selection instanceof InlineFragment inline) {
                fields += count(inline.getSelectionSet());
            }
        }
        return fields;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        Map<String, FragmentDefinition> fragments = parameters.getExecutionContext().getFragmentsByName();
        Shape shape = new Shape();
        walk(parameters.getExecutionContext().getOperationDefinition().getSelectionSet(), 1, fragments, shape, true);
        refuseAbove("depth", shape.depth, limits.maxDepth());
        refuseAbove("aliases", shape.aliases, limits.maxAliases());
        refuseAbove("root fields", shape.rootKeys.size(), limits.maxRootFields());
        return super.beginExecuteOperation(parameters, state);
    }

    private static void walk(SelectionSet selections, int depth, Map<String, FragmentDefinition> fragments, Shape shape, boolean root) {
        if (selections == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                shape.depth = Math.max(shape.depth, depth);
                if (field.getAlias() != null) {
                    shape.aliases++;
                }
                if (root) {
                    shape.rootKeys.add(field.getResultKey());
                }
                walk(field.getSelectionSet(), depth + 1, fragments, shape, false);
            }
            else if (selection instanceof InlineFragment inline) {
                walk(inline.getSelectionSet(), depth, fragments, shape, root);
            }
            else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                walk(fragments.get(spread.getName()).getSelectionSet(), depth, fragments, shape, root);
            }
        }
    }

    private static void refuseAbove(String what, int value, int limit) {
        if (value > limit) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("The operation has " + value + " " + what + "; at most " + limit + " are allowed")
                    .build()));
        }
    }
}
