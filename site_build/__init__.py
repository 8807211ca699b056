"""Playing-2-gether site generator: content → validate → site and print → build → cli."""
