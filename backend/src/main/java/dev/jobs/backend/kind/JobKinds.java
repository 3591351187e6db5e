package dev.jobs.backend.kind;

import dev.jobs.kind.JobKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The job kinds this process knows, by name. */
public final class JobKinds {
  private final Map<String, JobKind> byName = new LinkedHashMap<>();

  private JobKinds(Iterable<JobKind> kinds) {
    for (JobKind kind : kinds) {
      JobKind previous = byName.putIfAbsent(kind.name(), kind);
      if (previous != null) {
        throw new IllegalStateException(
            "two job kinds are named '"
                + kind.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + kind.getClass().getName());
      }
    }
  }

  /** The kinds on the class path, through {@link ServiceLoader}. */
  public static JobKinds load() {
    return new JobKinds(ServiceLoader.load(JobKind.class, JobKinds.class.getClassLoader()));
  }

  public static JobKinds of(JobKind... kinds) {
    return new JobKinds(Arrays.asList(kinds));
  }

  /**
   * These kinds and more, such as a user's own loaded from their jars; a name given twice fails as
   * at load.
   */
  public JobKinds plus(List<JobKind> more) {
    List<JobKind> all = new ArrayList<>(byName.values());
    all.addAll(more);
    return new JobKinds(all);
  }

  public Optional<JobKind> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
