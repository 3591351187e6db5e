package dev.jobs.cli.testing;

import dev.jobs.backend.store.MotoForClass;
import dev.jobs.cli.session.AwsClients;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The CLI's own AWS clients ({@link AwsClients}) on a moto server. */
public final class MotoClients {
  private MotoClients() {}

  /**
   * The client that {@code client} makes for {@code moto} in us-east-1 with the server's test
   * credentials, closed with the server: {@code MotoClients.of(MOTO, AwsClients::s3)}, in a {@code
   * BeforeAll} method. Null where no server runs: {@link MotoForClass} then skips every test.
   */
  public static <C extends AutoCloseable> C of(
      MotoForClass moto, BiFunction<AwsClients, AwsCredentialsProvider, C> client) {
    if (!moto.isRunning()) {
      return null;
    }
    AwsClients clients = new AwsClients(Region.US_EAST_1, moto.server().endpoint(), null);
    return moto.closedWithServer(client.apply(clients, MotoForClass.credentials()));
  }
}
