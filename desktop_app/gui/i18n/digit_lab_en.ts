<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FilesController</name>
    <message numerus="yes">
        <source>Opened {path} (%n epoch(s) of history; {figures})</source>
        <translation>
            <numerusform>Opened {path} (%n epoch of history; {figures})</numerusform>
            <numerusform>Opened {path} (%n epochs of history; {figures})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {path} (%n epoch(s) of history)</source>
        <translation>
            <numerusform>Opened {path} (%n epoch of history)</numerusform>
            <numerusform>Opened {path} (%n epochs of history)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FineTuneResultDialog</name>
    <message numerus="yes">
        <source>Your handwriting (%n held-out drawings)</source>
        <translation>
            <numerusform>Your handwriting (%n held-out drawings)</numerusform>
            <numerusform>Your handwriting (%n held-out drawings)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learned from %n of your drawings (each shown several times, mixed with MNIST digits); measured on the drawings it did not learn from. Keep the new weights, or discard them to get the model back as it was.</source>
        <translation>
            <numerusform>Learned from %n of your drawings (each shown several times, mixed with MNIST digits); measured on the drawings it did not learn from. Keep the new weights, or discard them to get the model back as it was.</numerusform>
            <numerusform>Learned from %n of your drawings (each shown several times, mixed with MNIST digits); measured on the drawings it did not learn from. Keep the new weights, or discard them to get the model back as it was.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FineTuneWorker</name>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}</source>
        <translation>
            <numerusform>Left out %n drawing that cannot be read: {files}</numerusform>
            <numerusform>Left out %n drawings that cannot be read: {files}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandwritingController</name>
    <message numerus="yes">
        <source>Stored as {digit} · you have %n {digits}</source>
        <translation>
            <numerusform>Stored as {digit} · you have %n {digits}</numerusform>
            <numerusform>Stored as {digit} · you have %n {digits}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n drawings.</source>
        <translation>
            <numerusform>Deleted %n drawings.</numerusform>
            <numerusform>Deleted %n drawings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}.</source>
        <translation>
            <numerusform>Imported %n drawing from {file}.</numerusform>
            <numerusform>Imported %n drawing from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}.</source>
        <translation>
            <numerusform>Imported %n drawings from {file}.</numerusform>
            <numerusform>Imported %n drawings from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}; skipped {skipped} (see the log).</source>
        <translation>
            <numerusform>Imported %n drawing from {file}; skipped {skipped} (see the log).</numerusform>
            <numerusform>Imported %n drawing from {file}; skipped {skipped} (see the log).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}; skipped {skipped} (see the log).</source>
        <translation>
            <numerusform>Imported %n drawings from {file}; skipped {skipped} (see the log).</numerusform>
            <numerusform>Imported %n drawings from {file}; skipped {skipped} (see the log).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</source>
        <translation>
            <numerusform>Imported %n drawing from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</numerusform>
            <numerusform>Imported %n drawing from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</source>
        <translation>
            <numerusform>Imported %n drawings from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</numerusform>
            <numerusform>Imported %n drawings from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawing to {file}.</source>
        <translation>
            <numerusform>Exported %n drawing to {file}.</numerusform>
            <numerusform>Exported %n drawing to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawings to {file}.</source>
        <translation>
            <numerusform>Exported %n drawings to {file}.</numerusform>
            <numerusform>Exported %n drawings to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more {digits}</source>
        <translation>
            <numerusform>%n more {digits}</numerusform>
            <numerusform>%n more {digits}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fine-tuning %n epoch(s) on your handwriting ({drawings} drawings) mixed with MNIST, learning rate {rate}.</source>
        <translation>
            <numerusform>Fine-tuning %n epoch on your handwriting ({drawings} drawings) mixed with MNIST, learning rate {rate}.</numerusform>
            <numerusform>Fine-tuning %n epochs on your handwriting ({drawings} drawings) mixed with MNIST, learning rate {rate}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}.</source>
        <translation>
            <numerusform>Left out %n drawing that cannot be read: {files}.</numerusform>
            <numerusform>Left out %n drawings that cannot be read: {files}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandwritingSetView</name>
    <message numerus="yes">
        <source>%n drawing · fewest: {digits} ({fewest} each)</source>
        <translation>
            <numerusform>%n drawing · fewest: {digits} ({fewest} each)</numerusform>
            <numerusform>%n drawing · fewest: {digits} ({fewest} each)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawings · fewest: {digits} ({fewest} each)</source>
        <translation>
            <numerusform>%n drawings · fewest: {digits} ({fewest} each)</numerusform>
            <numerusform>%n drawings · fewest: {digits} ({fewest} each)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MNIST test: {accuracy} (%n images)</source>
        <translation>
            <numerusform>MNIST test: {accuracy} (%n images)</numerusform>
            <numerusform>MNIST test: {accuracy} (%n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}</source>
        <translation>
            <numerusform>Left out %n drawing that cannot be read: {files}</numerusform>
            <numerusform>Left out %n drawings that cannot be read: {files}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>{label}: %n epoch(s). {details} Untick to hide.</source>
        <translation>
            <numerusform>{label}: %n epoch. {details} Untick to hide.</numerusform>
            <numerusform>{label}: %n epochs. {details} Untick to hide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{label}: %n epoch(s). Untick to hide.</source>
        <translation>
            <numerusform>{label}: %n epoch. Untick to hide.</numerusform>
            <numerusform>{label}: %n epochs. Untick to hide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n CSV file(s) in {folder}.</source>
        <translation>
            <numerusform>Saved %n CSV file in {folder}.</numerusform>
            <numerusform>Saved %n CSV files in {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message numerus="yes">
        <source>%n Keras layer(s) · {parameters} parameters</source>
        <translation>
            <numerusform>%n Keras layer · {parameters} parameters</numerusform>
            <numerusform>%n Keras layers · {parameters} parameters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) and the output · {parameters} parameters</source>
        <translation>
            <numerusform>%n layer and the output · {parameters} parameters</numerusform>
            <numerusform>%n layers and the output · {parameters} parameters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelSession</name>
    <message numerus="yes">
        <source>“{model}” ({architecture}, %n epochs so far)</source>
        <translation>
            <numerusform>“{model}” ({architecture}, %n epochs so far)</numerusform>
            <numerusform>“{model}” ({architecture}, %n epochs so far)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s)</source>
        <translation>
            <numerusform>Model: {model} · %n epoch</numerusform>
            <numerusform>Model: {model} · %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s) · validation accuracy {accuracy}</source>
        <translation>
            <numerusform>Model: {model} · %n epoch · validation accuracy {accuracy}</numerusform>
            <numerusform>Model: {model} · %n epochs · validation accuracy {accuracy}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s) · training accuracy {accuracy}</source>
        <translation>
            <numerusform>Model: {model} · %n epoch · training accuracy {accuracy}</numerusform>
            <numerusform>Model: {model} · %n epochs · training accuracy {accuracy}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message numerus="yes">
        <source>Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data} (first {limit} images).</source>
        <translation>
            <numerusform>Training %n epoch: batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data} (first {limit} images).</numerusform>
            <numerusform>Training %n epochs: batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data} (first {limit} images).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data}.</source>
        <translation>
            <numerusform>Training %n epoch: batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data}.</numerusform>
            <numerusform>Training %n epochs: batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data}.</numerusform>
        </translation>
    </message>
</context>
</TS>
