"""zhengce: Chinese government policy notices -> machine-readable policy dataset."""

__version__ = "0.1.0"
