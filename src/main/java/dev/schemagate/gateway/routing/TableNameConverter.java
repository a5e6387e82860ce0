package dev.schemagate.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code schema.table} strings in routing configuration to {@link TableName}. */
@Component
@ConfigurationPropertiesBinding
public class TableNameConverter implements Converter<String, TableName> {

    @Override
    public TableName convert(String source) {
        return TableName.parse(source);
    }
}
