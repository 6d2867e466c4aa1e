"""Inspection (Model ▸ Look inside): feature maps, filters, saliency, evaluation, history, summary."""
