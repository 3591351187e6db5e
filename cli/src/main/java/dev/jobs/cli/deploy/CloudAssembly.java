package dev.jobs.cli.deploy;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A synthesized CDK cloud assembly: its stack template and the file assets the template needs. Read
 * from {@code manifest.json} and the stack's asset manifest, so that deploying needs neither Node
 * nor the CDK CLI.
 */
public record CloudAssembly(
    Path directory, Path template, String templateUrl, List<FileAsset> assets) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One file to upload; {@code bucketName} and {@code objectKey} may hold placeholders. */
  public record FileAsset(
      String hash, Path source, String packaging, String bucketName, String objectKey) {
    public FileAsset resolve(Map<String, String> placeholders) {
      return new FileAsset(
          hash,
          source,
          packaging,
          substitute(bucketName, placeholders),
          substitute(objectKey, placeholders));
    }
  }

  /** The assembly with one more asset to upload, such as the kinds layer's zip. */
  public CloudAssembly withAsset(FileAsset asset) {
    List<FileAsset> all = new java.util.ArrayList<>(assets);
    all.add(asset);
    return new CloudAssembly(directory, template, templateUrl, List.copyOf(all));
  }

  /** Reads the first stack of the assembly in {@code directory}. */
  public static CloudAssembly read(Path directory) {
    JsonNode manifest = readJson(directory.resolve("manifest.json"));
    JsonNode artifacts = manifest.path("artifacts");
    for (Map.Entry<String, JsonNode> artifact : artifacts.properties()) {
      if (!"aws:cloudformation:stack".equals(artifact.getValue().path("type").asString())) {
        continue;
      }
      JsonNode properties = artifact.getValue().path("properties");
      Path template = directory.resolve(properties.path("templateFile").asString());
      String templateUrl = properties.path("stackTemplateAssetObjectUrl").asString(null);
      List<FileAsset> assets = new ArrayList<>();
      for (JsonNode dependency : artifact.getValue().path("dependencies")) {
        JsonNode dependent = artifacts.path(dependency.asString());
        if ("cdk:asset-manifest".equals(dependent.path("type").asString())) {
          assets.addAll(
              readAssets(
                  directory,
                  directory.resolve(dependent.path("properties").path("file").asString())));
        }
      }
      return new CloudAssembly(directory, template, templateUrl, List.copyOf(assets));
    }
    throw new JobsException(ExitCode.ERROR, "no stack in the cloud assembly at " + directory);
  }

  private static List<FileAsset> readAssets(Path directory, Path assetManifest) {
    List<FileAsset> assets = new ArrayList<>();
    for (Map.Entry<String, JsonNode> file : readJson(assetManifest).path("files").properties()) {
      JsonNode source = file.getValue().path("source");
      for (JsonNode destination : file.getValue().path("destinations")) {
        assets.add(
            new FileAsset(
                file.getKey(),
                directory.resolve(source.path("path").asString()),
                source.path("packaging").asString("file"),
                destination.path("bucketName").asString(),
                destination.path("objectKey").asString()));
      }
    }
    return assets;
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException | JacksonException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot read the cloud assembly file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The names of the template's parameters, in template order. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> parameter :
        readJson(template).path("Parameters").properties()) {
      names.add(parameter.getKey());
    }
    return names;
  }

  /** The asset bucket the assembly uploads to, with its placeholders resolved. */
  public String bucket(Map<String, String> placeholders) {
    return assets.stream()
        .map(asset -> substitute(asset.bucketName(), placeholders))
        .findFirst()
        .orElseThrow(() -> new JobsException(ExitCode.ERROR, "the cloud assembly has no assets"));
  }

  /** The template's S3 URL ({@code https://...}), with placeholders resolved. */
  public String templateHttpsUrl(Map<String, String> placeholders, String region) {
    if (templateUrl == null) {
      throw new JobsException(ExitCode.ERROR, "the cloud assembly names no template asset URL");
    }
    String s3 = substitute(templateUrl, placeholders);
    String path = s3.substring("s3://".length());
    int slash = path.indexOf('/');
    return "https://"
        + path.substring(0, slash)
        + ".s3."
        + region
        + ".amazonaws.com"
        + path.substring(slash);
  }

  static String substitute(String text, Map<String, String> placeholders) {
    String result = text;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      result = result.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
    }
    return result;
  }

  /** The placeholders CDK leaves in asset destinations. */
  public static Map<String, String> placeholders(String account, String region) {
    return Map.of(
        "AWS::AccountId", account, "AWS::Region", region, "AWS::Partition", partition(region));
  }

  private static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
