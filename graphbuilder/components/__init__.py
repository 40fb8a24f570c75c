"""graphbuilder's spaCy components; importing this package registers their factories."""
from . import entities, morphology, relations, sentences  # noqa: F401
