"""Scripts that build the NKJP-trained spaCy pipeline shipped in graphbuilder/models/nkjp/."""
