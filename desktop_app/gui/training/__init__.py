"""Training: the settings panel, the live curves, the log, and the controller that runs training."""
