package io.secrethub.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Conversions between column values and Java values, shared by the stores. */
final class Rows {
    private Rows() {}

    static String id(UUID id) {
        return id == null ? null : id.toString();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] bytes(ResultSet rs, String column) throws SQLException {
        return Base64.getDecoder().decode(rs.getString(column));
    }
}
