"""The hand-written training loop the course teaches: a `tf.function` train step with a GradientTape,
the loss, its gradients and `optimizer.apply_gradients`.

It drives the same Keras callbacks as `model.fit` (progress bridge, early stopping, checkpoints,
TensorBoard), so both loops report, stop and save alike.
"""

from __future__ import annotations


def fit_with_tape(model, train_data, val_data, epochs: int, initial_epoch: int, callbacks: list, *,
                  steps_per_epoch: int) -> None:
    """Train `model` on `train_data`, `steps_per_epoch` batches an epoch (the caller's TrainingPlan
    knows the count, so the data set need not be measured or walked through here)."""
    import keras
    import tensorflow as tf

    loss_fn = keras.losses.SparseCategoricalCrossentropy()
    optimizer = model.optimizer
    if not optimizer.built:
        optimizer.build(model.trainable_variables)
    train_loss, val_loss = keras.metrics.Mean(), keras.metrics.Mean()
    train_accuracy, val_accuracy = (keras.metrics.SparseCategoricalAccuracy(),
                                    keras.metrics.SparseCategoricalAccuracy())

    @tf.function(reduce_retracing=True)
    def train_step(iterator):
        # The batch is taken inside the graph, as Keras' own train function does: pulling it in Python
        # first costs an eager round trip per batch (1.4× slower here, benchmarks/tape_vs_fit.py).
        images, labels = next(iterator)
        with tf.GradientTape() as tape:
            probabilities = model(images, training=True)
            loss = loss_fn(labels, probabilities)
            if model.losses:  # weight regularisers, if a preset has any
                loss += tf.add_n(model.losses)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        train_loss.update_state(loss, sample_weight=tf.shape(images)[0])
        train_accuracy.update_state(labels, probabilities)
        return train_loss.result(), train_accuracy.result()

    @tf.function(reduce_retracing=True)
    def test_step(images, labels):
        probabilities = model(images, training=False)
        val_loss.update_state(loss_fn(labels, probabilities), sample_weight=tf.shape(images)[0])
        val_accuracy.update_state(labels, probabilities)

    callback_list = keras.callbacks.CallbackList(callbacks, model=model)
    model.stop_training = False
    callback_list.on_train_begin()
    for epoch in range(initial_epoch, epochs):
        for metric in (train_loss, train_accuracy, val_loss, val_accuracy):
            metric.reset_state()
        callback_list.on_epoch_begin(epoch)
        iterator = iter(train_data)
        for step in range(steps_per_epoch):
            callback_list.on_train_batch_begin(step)
            loss, accuracy = train_step(iterator)
            callback_list.on_train_batch_end(step, {"loss": loss, "accuracy": accuracy})
            if model.stop_training:
                break
        logs = {"loss": float(train_loss.result()), "accuracy": float(train_accuracy.result())}
        if val_data is not None:
            for images, labels in val_data:
                test_step(images, labels)
            logs |= {"val_loss": float(val_loss.result()), "val_accuracy": float(val_accuracy.result())}
        callback_list.on_epoch_end(epoch, logs)
        if model.stop_training:
            break
    callback_list.on_train_end()
