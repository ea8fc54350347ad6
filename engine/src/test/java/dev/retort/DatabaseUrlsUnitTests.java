package dev.retort;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The URL forms of DATABASE_URL, libpq and JDBC, as R2DBC URLs the driver parses. */
class DatabaseUrlsUnitTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "r2dbc:postgresql://app@db:5432/app                  | r2dbc:postgresql://app@db:5432/app",
            "postgres://app:s3cret@db.example.com:5433/providers | r2dbc:postgresql://app:s3cret@db.example.com:5433/providers",
            "postgresql://app@db/app?sslmode=require             | r2dbc:postgresql://app@db/app?sslMode=require",
            "postgresql:///app                                   | r2dbc:postgresql://localhost/app",
            "postgresql://db/app?user=app&password=pw&application_name=api | r2dbc:postgresql://app:pw@db/app?applicationName=api",
            "jdbc:postgresql://db:5432/app?user=app&password=pw&currentSchema=billing | r2dbc:postgresql://app:pw@db:5432/app?schema=billing",
            "jdbc:postgresql://db/app?sslmode=verify-full&sslrootcert=/etc/ca.pem | r2dbc:postgresql://db/app?sslMode=verify-full&sslRootCert=/etc/ca.pem",
            "jdbc:postgresql:app                                 | r2dbc:postgresql://localhost/app",
            "  POSTGRES://app@db/app                             | r2dbc:postgresql://app@db/app",
    })
    void convertsEachFormToTheSameConnection(String given, String expected) {
        assertThat(DatabaseUrls.toR2dbc(given)).isEqualTo(expected);
        assertThat(ConnectionFactoryOptions.parse(DatabaseUrls.toR2dbc(given)).getValue(ConnectionFactoryOptions.DRIVER))
                .isEqualTo("postgresql");
    }

    @Test
    void aPercentEncodedPasswordReachesTheDriverDecoded() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
                DatabaseUrls.toR2dbc("postgres://app:p%40ss%3Aword@db:5432/app"));
        assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("p@ss:word");
        assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db");
    }

    @Test
    void anotherSchemeIsNamedWithoutQuotingTheUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrls.toR2dbc("mysql://root:hunter22@db/app"))
                .withMessageContaining("scheme 'mysql'")
                .withMessageNotContaining("hunter22");
    }
}
