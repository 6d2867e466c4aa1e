"""Your handwriting: collecting drawings, measuring how well a model reads them, and fine-tuning."""
