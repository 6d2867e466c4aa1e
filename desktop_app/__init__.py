"""Digit Lab: train a CNN on handwritten digits, watch it learn, draw digits it reads live."""

__version__ = "0.1.0"
APP_NAME = "Digit Lab"
