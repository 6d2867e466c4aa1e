"""Drawing and reading: the canvas the user draws on and the panel that shows what the network reads."""
