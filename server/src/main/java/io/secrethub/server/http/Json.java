package io.secrethub.server.http;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.http.Context;
import io.secrethub.core.api.ErrorCode;

/**
 * The server's one JSON mapper: snake_case names, ISO-8601 times, base64 bytes, nulls left out.
 * Reading is strict (unknown fields, wrong types, coerced scalars, duplicate keys and trailing data
 * are all refused) and its errors say what is wrong without echoing the caller's values.
 */
public final class Json {
    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(NAMING)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a request body as {@code type}. A primitive field that is absent is refused rather than
     * read as 0; absent object fields are null and checked by the route.
     */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; expected a JSON object");
            }
            if (!tree.isObject()) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body must be a JSON object");
            }
            requirePrimitives(tree, type, "");
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "unknown field '" + path(e) + "'");
        } catch (MismatchedInputException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, e.getPath().isEmpty()
                    ? "the request body does not have the expected shape"
                    : "field '" + path(e) + "' is missing or has the wrong type");
        } catch (JsonMappingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, e.getPath().isEmpty()
                    ? "the request body does not have the expected shape"
                    : "field '" + path(e) + "' is missing or invalid");
        } catch (InputCoercionException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "a number in the request body is out of range");
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String what = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                    ? "the request body repeats a field" : "the request body is not valid JSON";
            throw new ApiException(ErrorCode.MALFORMED_JSON, what + where);
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body could not be read as JSON");
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a response", e);
        }
    }

    public static void respond(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(write(body));
    }

    private static void requirePrimitives(JsonNode node, Type type, String prefix) {
        if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
            for (RecordComponent component : c.getRecordComponents()) {
                String name = NAMING.translate(component.getName());
                JsonNode child = node.get(name);
                if (child == null || child.isNull()) {
                    if (component.getType().isPrimitive()) {
                        throw new ApiException(ErrorCode.MALFORMED_JSON, "field '" + prefix + name + "' is missing");
                    }
                    continue;
                }
                requirePrimitives(child, component.getGenericType(), prefix + name + ".");
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class && node.isArray()) {
            Type element = p.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                requirePrimitives(node.get(i), element, prefix.substring(0, prefix.length() - 1) + "[" + i + "].");
            }
        }
    }

    /** The JSON path of the failing field, kept printable and short because the caller chose it. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return printable(b.toString());
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '\'') {
                b.append('?');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 64 ? b + "…" : b.toString();
    }
}
