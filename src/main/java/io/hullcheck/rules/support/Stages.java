package io.hullcheck.rules.support;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage-chain questions the Dockerfile rules share. A stage's chain is the stage, then the earlier
 * stage it builds FROM, and so on up to the stage that builds from an image: every layer and
 * setting of the chain ends up in the image the stage produces. Pure; thread-safe.
 */
public final class Stages {
  private Stages() {}

  /** The stage followed by the stages it builds FROM, nearest first; never empty. */
  public static List<Stage> chain(Stage stage) {
    List<Stage> chain = new ArrayList<>();
    for (Stage s = stage; s != null && !containsSame(chain, s); s = s.parent()) {
      chain.add(s);
    }
    return chain;
  }

  /** By identity: the guard against a cycle of stages needs no deep comparison of records. */
  private static boolean containsSame(List<Stage> chain, Stage s) {
    for (Stage c : chain) {
      if (c == s) {
        return true;
      }
    }
    return false;
  }

  /** The stage of the chain that builds from an image (not from another stage). */
  public static Stage root(Stage stage) {
    List<Stage> chain = chain(stage);
    return chain.get(chain.size() - 1);
  }

  /** Whether a HEALTHCHECK instruction is {@code HEALTHCHECK NONE}, which turns checking off. */
  public static boolean isHealthcheckNone(Instruction healthcheck) {
    return healthcheck.args().size() == 1
        && healthcheck.args().get(0).value().equalsIgnoreCase("NONE");
  }

  /**
   * The last instruction of one of {@code keywords} in effect for the stage: its own last one, else
   * the last one of the stage it builds FROM, and so on.
   */
  public static Optional<Instruction> lastInChain(Stage stage, String... keywords) {
    for (Stage s : chain(stage)) {
      List<Instruction> ins = s.instructions();
      for (int i = ins.size() - 1; i >= 0; i--) {
        for (String kw : keywords) {
          if (ins.get(i).is(kw)) {
            return Optional.of(ins.get(i));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Every instruction of the chain, the root stage's first, in build order. */
  public static List<Instruction> chainInstructions(Stage stage) {
    List<Stage> chain = chain(stage);
    List<Instruction> all = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      all.addAll(chain.get(i).instructions());
    }
    return all;
  }

  /** The image word of a FROM (the first argument after the flags), if written. */
  public static Optional<Word> imageWord(Stage stage) {
    List<Word> args = stage.from().args();
    return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
  }

  /**
   * The base image of the chain with ARG defaults applied, parsed; empty when it depends on an
   * unknown value, is {@code scratch}, or does not parse.
   */
  public static Optional<ImageRef> baseImage(Stage stage) {
    Stage root = root(stage);
    if (root.parent() != null) {
      return Optional.empty();
    }
    return root.resolvedImage()
        .filter(s -> !s.trim().equalsIgnoreCase("scratch"))
        .flatMap(ImageRef::parse);
  }

  /** Whether the chain starts from {@code scratch} (after ARG defaults). */
  public static boolean fromScratch(Stage stage) {
    return root(stage).resolvedImage().map(s -> s.trim().equalsIgnoreCase("scratch")).orElse(false);
  }

  /**
   * The image name as the data tables write it: {@code python} for an official Docker Hub image,
   * {@code bitnami/nginx} for another Hub image, {@code gcr.io/distroless/static} elsewhere.
   */
  public static String canonicalName(ImageRef ref) {
    String registry = ref.registry();
    boolean hub =
        registry == null || registry.equals("docker.io") || registry.equals("index.docker.io");
    return hub ? ref.repository() : registry + "/" + ref.repository();
  }
}
