"""One thread at a time in PDFium.

PDFium keeps global state and is not thread-safe (pypdfium2 says so: "pypdfium2 cannot
be used with threading"); two threads of one process reading PDFs at once crash it, which
a caller's thread pool (``parse_many(executor=ThreadPoolExecutor())``) would do. Processes
each have their own PDFium, so worker processes still read side by side.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
