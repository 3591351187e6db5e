package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.store.MotoForClass;
import dev.jobs.cli.deploy.CloudAssembly.FileAsset;
import dev.jobs.cli.session.AwsClients;
import dev.jobs.cli.testing.MotoClients;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * The asset bucket against a real S3 API, a {@code moto_server} on loopback, through the S3 client
 * the CLI builds for itself (path-style under an endpoint, checksums only where required).
 */
class AssetPublisherIT {
  private static final String BUCKET = "jobs-assets-123456789012-us-east-1";

  @RegisterExtension static final MotoForClass MOTO = new MotoForClass("the S3 integration test");

  private static S3Client s3;

  @TempDir Path dir;
  private final StringWriter printed = new StringWriter();
  private AssetPublisher publisher;

  @BeforeAll
  static void connect() {
    s3 = MotoClients.of(MOTO, AwsClients::s3);
  }

  @BeforeEach
  void requireMoto() throws Exception {
    MOTO.server().reset();
    publisher = new AssetPublisher(s3, new ProgressPrinter(new PrintWriter(printed), false));
  }

  @Test
  void ensureBucket_createsTheBucketWithDefaultEncryption() {
    publisher.ensureBucket(BUCKET, "us-east-1");

    List<ServerSideEncryptionRule> rules =
        s3.getBucketEncryption(b -> b.bucket(BUCKET)).serverSideEncryptionConfiguration().rules();
    assertThat(rules)
        .extracting(r -> r.applyServerSideEncryptionByDefault().sseAlgorithm())
        .containsExactly(ServerSideEncryption.AES256);
    assertThat(printed.toString()).isEqualTo("creating asset bucket " + BUCKET + "\n");
  }

  @Test
  void ensureBucket_blocksEveryKindOfPublicAccess() {
    publisher.ensureBucket(BUCKET, "us-east-1");

    PublicAccessBlockConfiguration block =
        s3.getPublicAccessBlock(b -> b.bucket(BUCKET)).publicAccessBlockConfiguration();
    assertThat(
            List.of(
                block.blockPublicAcls(),
                block.ignorePublicAcls(),
                block.blockPublicPolicy(),
                block.restrictPublicBuckets()))
        .containsExactly(true, true, true, true);
  }

  @Test
  void ensureBucket_outsideUsEast1_createsTheBucketInThatRegion() {
    String bucket = "jobs-assets-123456789012-eu-west-1";

    publisher.ensureBucket(bucket, "eu-west-1");

    assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString())
        .isEqualTo("eu-west-1");
  }

  @Test
  void ensureBucket_ofAnExistingBucket_leavesIt() {
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putObject(b -> b.bucket(BUCKET).key("kept.json"), RequestBody.fromString("{}"));

    publisher.ensureBucket(BUCKET, "us-east-1");

    assertThat(printed.toString()).isEmpty();
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .containsExactly("kept.json");
  }

  @Test
  void publish_uploadsAFileAsset_andASecondPublishSkipsIt() throws Exception {
    publisher.ensureBucket(BUCKET, "us-east-1");
    Path jar = Files.write(dir.resolve("asset.4f2a9c.jar"), new byte[] {1, 2, 3, 4});
    FileAsset asset = new FileAsset("4f2a9c", jar, "file", BUCKET, "4f2a9c.jar");

    int first = publisher.publish(List.of(asset));
    byte[] uploaded = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("4f2a9c.jar")).asByteArray();
    // Changed behind the publisher's back: a second upload would put the file's bytes back.
    s3.putObject(b -> b.bucket(BUCKET).key("4f2a9c.jar"), RequestBody.fromBytes(new byte[] {9}));
    int second = publisher.publish(List.of(asset));

    assertThat(first).isEqualTo(1);
    assertThat(uploaded).containsExactly(1, 2, 3, 4);
    assertThat(second).isZero();
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("4f2a9c.jar")).asByteArray())
        .containsExactly(9);
    assertThat(printed.toString())
        .contains("uploading asset 4f2a9c.jar (4 bytes)\n")
        .endsWith("asset 4f2a9c.jar is already uploaded\n");
  }

  @Test
  void publish_ofADirectoryWithZipPackaging_uploadsAZipOfItsFiles() throws Exception {
    publisher.ensureBucket(BUCKET, "us-east-1");
    Path source = dir.resolve("asset.9d1e");
    Files.createDirectories(source.resolve("lib"));
    Files.writeString(source.resolve("lib/a.txt"), "alpha");
    Files.writeString(source.resolve("handler.txt"), "beta");
    FileAsset asset = new FileAsset("9d1e", source, "zip", BUCKET, "9d1e.zip");

    publisher.publish(List.of(asset));

    byte[] zip = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("9d1e.zip")).asByteArray();
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsExactly("handler.txt=beta", "lib/a.txt=alpha");
  }

  @Test
  void deleteBucket_removesEveryVersionAndDeleteMarker_thenTheBucket() {
    publisher.ensureBucket(BUCKET, "us-east-1");
    s3.putBucketVersioning(
        b ->
            b.bucket(BUCKET)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.putObject(b -> b.bucket(BUCKET).key("a.json"), RequestBody.fromString("1"));
    s3.putObject(b -> b.bucket(BUCKET).key("a.json"), RequestBody.fromString("2"));
    s3.putObject(b -> b.bucket(BUCKET).key("b.json"), RequestBody.fromString("3"));
    s3.deleteObject(b -> b.bucket(BUCKET).key("b.json"));
    var before = s3.listObjectVersions(b -> b.bucket(BUCKET));
    assertThat(before.versions()).hasSize(3);
    assertThat(before.deleteMarkers()).hasSize(1);

    publisher.deleteBucket(BUCKET);

    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(BUCKET)))
        .isInstanceOf(NoSuchBucketException.class);
    assertThat(printed.toString()).endsWith("emptying and deleting asset bucket " + BUCKET + "\n");
  }

  @Test
  void deleteBucket_ofAMissingBucket_doesNothing() {
    publisher.deleteBucket(BUCKET);

    assertThat(printed.toString()).isEmpty();
    assertThat(s3.listBuckets().buckets()).isEmpty();
  }
}
