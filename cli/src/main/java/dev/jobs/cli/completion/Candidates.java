package dev.jobs.cli.completion;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion candidates known only at TAB time. Picocli's {@code completionCandidates} are fixed
 * when the script is generated, so each kind yields one marker, and {@link #atTabTime} turns the
 * marker, where the script uses it, into a call of {@code jobs __complete KIND}.
 */
public final class Candidates {
  private Candidates() {}

  /** The kinds {@code jobs __complete} answers. */
  public enum Kind {
    targets,
    replays;

    String marker() {
      return "@jobs-" + name() + "@";
    }
  }

  /** Target names: {@code --target}, {@code jobs target use|show|remove}. */
  public static final class TargetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of(Kind.targets.marker()).iterator();
    }
  }

  /** Replay names: {@code jobs replays cancel}. */
  public static final class ReplayNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of(Kind.replays.marker()).iterator();
    }
  }

  /**
   * The generated script, with the arrays that hold a marker expanded where they are used (not
   * where they are declared: every TAB in the command would start the tool), plus the function that
   * expands them.
   */
  static String atTabTime(String script) {
    Set<String> arrays = new LinkedHashSet<>();
    Matcher declared = DECLARED.matcher(script);
    while (declared.find()) {
      arrays.add(declared.group(1));
    }
    String result = script;
    for (String array : arrays) {
      String use = "\"${" + array + "[@]}\"";
      result =
          result.replace("compReplyArray " + use, "compReplyArray $(_jobs_candidates " + use + ")");
    }
    StringBuilder expand =
        new StringBuilder(
            "\n# Names known only at TAB time, from the tool itself (local files only, no AWS call).\n"
                + "_jobs_candidates() {\n"
                + "  local value\n"
                + "  for value in \"$@\"; do\n"
                + "    case \"$value\" in\n");
    for (Kind kind : Kind.values()) {
      expand
          .append("      '")
          .append(kind.marker())
          .append("') command env jobs __complete ")
          .append(kind.name())
          .append(" 2>/dev/null ;;\n");
    }
    expand.append("      *) printf '%s\\n' \"$value\" ;;\n    esac\n  done\n}\n");
    return result + expand;
  }

  private static final Pattern DECLARED = Pattern.compile("local (\\w+)=\\(\"@jobs-\\w+@\"\\)");
}
