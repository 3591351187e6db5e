package dev.jobs.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The verifier reads a plain {@code X-Amz-Date} by hand: for any text of that shape, valid or not,
 * it answers what the formatter answers.
 */
class AmzDatePropertyTest {
  @Property(tries = 3000)
  void readsEveryAmzDateAsTheFormatterDoes(@ForAll("amzDates") String amzDate) {
    Instant expected;
    try {
      expected = Instant.from(SignatureVerifier.AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> SignatureVerifier.signedAt(amzDate))
          .isInstanceOf(AuthFailure.class)
          .hasMessage("Date must be in ISO-8601 'basic format'.");
      return;
    }
    assertThat(SignatureVerifier.signedAt(amzDate)).isEqualTo(expected);
  }

  /** Dates and times near and past every field's bounds, and now and then a character off. */
  @Provide
  Arbitrary<String> amzDates() {
    Arbitrary<String> plain =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 61))
            .as(
                (year, month, day, hour, minute, second) ->
                    String.format(
                        Locale.ROOT,
                        "%04d%02d%02dT%02d%02d%02dZ",
                        year,
                        month,
                        day,
                        hour,
                        minute,
                        second));
    Arbitrary<String> broken =
        plain.flatMap(
            date ->
                Arbitraries.integers()
                    .between(0, date.length() - 1)
                    .flatMap(
                        at ->
                            Arbitraries.of('x', '-', ' ', 'T', 'Z', '0', '+')
                                .map(c -> date.substring(0, at) + c + date.substring(at + 1))));
    return Arbitraries.oneOf(plain, plain, broken, Arbitraries.strings().ofMaxLength(20));
  }
}
