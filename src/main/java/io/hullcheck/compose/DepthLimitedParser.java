package io.hullcheck.compose;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Passes parser events through while counting collection nesting, and stops with a {@link
 * TooDeepException} past the limit. snakeyaml-engine's composer recurses once per level and has no
 * depth setting of its own, so this keeps a hostile file from overflowing the stack.
 */
final class DepthLimitedParser implements Parser {
  /** Raised past the nesting limit, carrying the mark of the collection that went too deep. */
  static final class TooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Optional<Mark> mark;

    TooDeepException(String message, Optional<Mark> mark) {
      super(message, null, false, false);
      this.mark = mark;
    }
  }

  private final Parser delegate;
  private final int maxDepth;
  private int depth;

  DepthLimitedParser(Parser delegate, int maxDepth) {
    this.delegate = delegate;
    this.maxDepth = maxDepth;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return delegate.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return delegate.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public Event next() {
    Event event = delegate.next();
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > maxDepth) {
          throw new TooDeepException(
              "nesting deeper than " + maxDepth + " levels; the file is not checked",
              event.getStartMark());
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {}
    }
    return event;
  }
}
