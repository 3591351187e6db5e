package dev.jobs.cli.deploy;

import dev.jobs.cli.deploy.CloudAssembly.FileAsset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The project's own asset bucket, in place of {@code cdk bootstrap}: created when missing
 * (encrypted, public access blocked), and filled with the assembly's assets. Object keys are
 * content hashes, so an object already there is the same file and is not uploaded again.
 */
public final class AssetPublisher {
  private final S3Client s3;
  private final ProgressPrinter progress;

  public AssetPublisher(S3Client s3, ProgressPrinter progress) {
    this.s3 = s3;
    this.progress = progress;
  }

  /** Creates the bucket unless it exists. */
  public void ensureBucket(String bucket, String region) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return;
    } catch (NoSuchBucketException e) {
      // create it below
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
    }
    progress.line("creating asset bucket " + bucket);
    s3.createBucket(
        b -> {
          b.bucket(bucket);
          if (!Region.US_EAST_1.id().equals(region)) {
            b.createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
          }
        });
    s3.putPublicAccessBlock(
        b ->
            b.bucket(bucket)
                .publicAccessBlockConfiguration(
                    c ->
                        c.blockPublicAcls(true)
                            .ignorePublicAcls(true)
                            .blockPublicPolicy(true)
                            .restrictPublicBuckets(true)));
    s3.putBucketEncryption(
        b ->
            b.bucket(bucket)
                .serverSideEncryptionConfiguration(
                    c ->
                        c.rules(
                            r ->
                                r.applyServerSideEncryptionByDefault(
                                    d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
  }

  /**
   * Uploads the assets that are not already in the bucket.
   *
   * @return how many were uploaded
   */
  public int publish(List<FileAsset> assets) {
    int uploaded = 0;
    for (FileAsset asset : assets) {
      if (exists(asset)) {
        progress.line("asset " + asset.objectKey() + " is already uploaded");
        continue;
      }
      Path file =
          "zip".equalsIgnoreCase(asset.packaging()) && Files.isDirectory(asset.source())
              ? zip(asset.source())
              : asset.source();
      progress.line("uploading asset " + asset.objectKey() + " (" + size(file) + " bytes)");
      s3.putObject(
          b -> b.bucket(asset.bucketName()).key(asset.objectKey()), RequestBody.fromFile(file));
      uploaded++;
    }
    return uploaded;
  }

  private boolean exists(FileAsset asset) {
    try {
      s3.headObject(b -> b.bucket(asset.bucketName()).key(asset.objectKey()));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes every object (and version) in the bucket, then the bucket. */
  public void deleteBucket(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      return;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return;
      }
      throw e;
    }
    progress.line("emptying and deleting asset bucket " + bucket);
    for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
      List<ObjectIdentifier> objects =
          Stream.concat(
                  page.versions().stream().map(v -> version(v.key(), v.versionId())),
                  page.deleteMarkers().stream().map(m -> version(m.key(), m.versionId())))
              .toList();
      if (!objects.isEmpty()) {
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
      }
    }
    s3.deleteBucket(b -> b.bucket(bucket));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A deterministic zip of a directory: sorted entries, fixed times. */
  static Path zip(Path directory) {
    try {
      Path zip = Files.createTempFile("jobs-asset", ".zip");
      zip.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream zipOut = new ZipOutputStream(out);
          Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          ZipEntry entry = new ZipEntry(directory.relativize(file).toString().replace('\\', '/'));
          entry.setTime(315532800000L);
          zipOut.putNextEntry(entry);
          Files.copy(file, zipOut);
          zipOut.closeEntry();
        }
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One version of an object (or a delete marker), as DeleteObjects names it. */
  private static ObjectIdentifier version(String key, String versionId) {
    return ObjectIdentifier.builder().key(key).versionId(versionId).build();
  }
}
