"""Reading questions/ safely into a Bank that keeps a position for every value."""
