package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YScalar;
import io.hullcheck.model.ImageRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A service that pulls its image by tag: it does not build, its {@code image:} is a scalar that
 * parses as a reference, and the reference has no digest. The services the image-pinning rules
 * judge. Pure.
 */
record TagPulledImage(Service service, YScalar image, ImageRef ref) {

  /** The compose file's services that pull their image by tag, in file order. */
  static List<TagPulledImage> of(ComposeFile compose) {
    List<TagPulledImage> out = new ArrayList<>();
    for (Service s : compose.services()) {
      if (s.build() != null || !(s.body().get("image").orElse(null) instanceof YScalar image)) {
        continue;
      }
      ImageRef ref = ImageRef.parse(image.value()).orElse(null);
      if (ref != null && ref.digest() == null) {
        out.add(new TagPulledImage(s, image, ref));
      }
    }
    return out;
  }
}
