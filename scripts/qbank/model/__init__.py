"""What every layer shares, importing nothing of qbank: the file formats (schema), the Problem record, settings,
TeX to MathML, and what exercise code means."""
