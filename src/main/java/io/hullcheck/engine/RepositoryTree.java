package io.hullcheck.engine;

import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.RepositoryView;
import io.hullcheck.rules.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file list of a repository (or scanned directory) and the texts of the few files whose content
 * the repository-aware rules read, from which it builds each Dockerfile's {@link BuildContext} and
 * the {@link RepositoryView}. The caller fills it: the command line from disk, the App from the
 * fetched git tree (file names from the tree objects, texts from the few blobs {@link #wantsText}
 * names). Pure and immutable.
 *
 * @param paths every file, relative to the root, {@code /}-separated; a {@code .git} directory is
 *     the single entry {@code .git}. At most {@link BuildContext#MAX_FILES}
 * @param truncated whether the listing stopped early
 * @param texts path to text for the files {@link #wantsText} names that exist and could be read
 */
public record RepositoryTree(List<String> paths, boolean truncated, Map<String, String> texts) {
  private static final String WORKFLOWS = ".github/workflows/";

  public RepositoryTree {
    paths = paths.stream().sorted().toList();
    texts = Map.copyOf(texts);
  }

  /**
   * Whether the rules read this file's text: ignore files ({@code .dockerignore}, {@code
   * <name>.dockerignore}), package registry configs ({@code .npmrc}, {@code .pypirc}) and CI
   * workflows ({@code .github/workflows/*.yml|yaml}).
   */
  public static boolean wantsText(String path) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    return base.endsWith(".dockerignore")
        || base.equals(".npmrc")
        || base.equals(".pypirc")
        || isWorkflow(path);
  }

  static boolean isWorkflow(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return path.startsWith(WORKFLOWS)
        && path.indexOf('/', WORKFLOWS.length()) < 0
        && (lower.endsWith(".yml") || lower.endsWith(".yaml"));
  }

  /**
   * The build context of a Dockerfile: the listing under {@code contextDir} (the Dockerfile's own
   * directory when null), and the ignore file that applies. BuildKit prefers the Dockerfile's own
   * {@code <name>.dockerignore} next to it over the context's {@code .dockerignore}.
   */
  public BuildContext contextFor(String dockerfilePath, String contextDir) {
    String dir = contextDir != null ? trim(contextDir) : parentOf(dockerfilePath);
    String prefix = dir.isEmpty() ? "" : dir + "/";
    List<String> files = new ArrayList<>();
    boolean cut = truncated;
    for (String p : paths) {
      if (p.startsWith(prefix)) {
        if (files.size() == BuildContext.MAX_FILES) {
          cut = true;
          break;
        }
        files.add(p.substring(prefix.length()));
      }
    }
    Map<String, String> contextTexts = new TreeMap<>();
    texts.forEach(
        (path, text) -> {
          if (path.startsWith(prefix)) {
            contextTexts.put(path.substring(prefix.length()), text);
          }
        });
    String own = dockerfilePath + ".dockerignore";
    String ignorePath = texts.containsKey(own) ? own : prefix + ".dockerignore";
    return new BuildContext(
        dir, files, cut, ignorePath, Optional.ofNullable(texts.get(ignorePath)), contextTexts);
  }

  /** The Dockerfiles and workflows, with a problem for each workflow that does not parse. */
  public View view(List<String> dockerfiles) {
    List<Workflow> workflows = new ArrayList<>();
    List<FileProblem> problems = new ArrayList<>();
    for (String p : paths) {
      if (!isWorkflow(p)) {
        continue;
      }
      String text = texts.get(p);
      if (text == null) {
        workflows.add(Workflow.unreadable(p));
        problems.add(new FileProblem(p, 1, 1, "cannot read this workflow"));
        continue;
      }
      WorkflowReader.Read read = WorkflowReader.read(p, text);
      workflows.add(read.workflow());
      if (read.problem() != null) {
        problems.add(read.problem());
      }
    }
    return new View(
        new RepositoryView(dockerfiles.stream().sorted().toList(), workflows), problems);
  }

  /** The repository view and the problems met while reading its workflows. */
  public record View(RepositoryView repository, List<FileProblem> problems) {
    public View {
      problems = List.copyOf(problems);
    }
  }

  /**
   * The inputs with a build context on every Dockerfile and the repository view on the first
   * Dockerfile in path order whose final stage has a FROM image, so a repository-level finding
   * appears once and has a line to stand on: a Dockerfile that does not parse to a stage would
   * carry the view and report nothing, hiding the finding from the files that do.
   */
  public List<InputFile> attach(List<InputFile> inputs, ContextDirs dirs, RepositoryView view) {
    String first =
        inputs.stream()
            .filter(i -> i.kind() == FileKind.DOCKERFILE)
            .sorted(Comparator.comparing(InputFile::path))
            .filter(RepositoryTree::hasFinalImage)
            .map(InputFile::path)
            .findFirst()
            .orElse(null);
    List<InputFile> out = new ArrayList<>(inputs.size());
    for (InputFile in : inputs) {
      if (in.kind() != FileKind.DOCKERFILE) {
        out.add(in);
        continue;
      }
      InputFile with =
          in.withBuildContext(contextFor(in.path(), dirs.contextOf(in.path()).orElse(null)));
      out.add(in.path().equals(first) ? with.withRepository(view) : with);
    }
    return out;
  }

  private static boolean hasFinalImage(InputFile dockerfile) {
    return DockerfileParser.parse(dockerfile.source())
        .finalStage()
        .map(stage -> !stage.from().args().isEmpty())
        .orElse(false);
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String trim(String dir) {
    String d = dir.replace('\\', '/');
    while (d.startsWith("./")) {
      d = d.substring(2);
    }
    while (d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d.equals(".") ? "" : d;
  }
}
