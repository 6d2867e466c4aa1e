<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>CanvasPanel</name>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Pen width in pixels (for a 280-pixel canvas); MNIST digits have strokes about a tenth of the digit&apos;s height.</source>
        <translation>펜 굵기(픽셀, 280픽셀 캔버스 기준)입니다. MNIST 숫자의 획 굵기는 숫자 높이의 약 10분의 1입니다.</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>Erase with the left button instead of drawing (a tablet pen&apos;s eraser end erases too).</source>
        <translation>왼쪽 버튼으로 그리는 대신 지웁니다(태블릿 펜의 지우개 쪽으로도 지울 수 있습니다).</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z).</source>
        <translation>마지막 획을 취소합니다(Ctrl+Z).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the drawing (Delete, Backspace or a right-click on the canvas).</source>
        <translation>그림을 지웁니다(Delete, Backspace 또는 캔버스에서 오른쪽 클릭).</translation>
    </message>
</context>
<context>
    <name>CollectBar</name>
    <message>
        <source>This is a:</source>
        <translation>이 숫자는:</translation>
    </message>
    <message>
        <source>File the drawing in your personal handwriting set under the digit it shows; the canvas is then cleared for the next one.</source>
        <translation>그림을 그 숫자로 내 손글씨 세트에 저장합니다. 그다음 그림을 위해 캔버스를 지웁니다.</translation>
    </message>
    <message>
        <source>Store as {digit}</source>
        <translation>숫자 {digit}(으)로 저장</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>Practice: Digit Lab asks for digits in turn, the ones you have drawn least first; draw each and press Enter to store it.</source>
        <translation>연습: Digit Lab이 가장 적게 그린 숫자부터 차례로 요청합니다. 숫자를 그리고 Enter 키를 누르면 저장됩니다.</translation>
    </message>
    <message>
        <source>Practice prompt</source>
        <translation>연습 안내</translation>
    </message>
    <message>
        <source>The digit to draw next, and how many of it your set holds.</source>
        <translation>다음에 그릴 숫자와, 세트에 그 숫자의 그림이 몇 개 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Store (Enter)</source>
        <translation>저장 (Enter)</translation>
    </message>
    <message>
        <source>Store the drawing as the digit asked for, and ask for the next (Enter).</source>
        <translation>그림을 요청한 숫자로 저장하고 다음 숫자를 요청합니다(Enter).</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Ask for another digit without storing anything.</source>
        <translation>아무것도 저장하지 않고 다른 숫자를 요청합니다.</translation>
    </message>
    <message>
        <source>Store the drawing as an {digit} in your handwriting set ({shortcut}).</source>
        <translation>그림을 숫자 {digit}(으)로 내 손글씨 세트에 저장합니다({shortcut}).</translation>
    </message>
    <message>
        <source>Store the drawing as a {digit} in your handwriting set ({shortcut}).</source>
        <translation>그림을 숫자 {digit}(으)로 내 손글씨 세트에 저장합니다({shortcut}).</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Rows: the true digit. Columns: what the network answered. The diagonal holds the right answers; click a cell to list its images.</source>
        <translation>행은 정답 숫자, 열은 신경망이 답한 숫자입니다. 대각선에 맞힌 답이 있습니다. 칸을 클릭하면 그 칸의 이미지를 보여 줍니다. 혼동 행렬은 어떤 숫자를 어떤 숫자로 헷갈리는지 한눈에 보여 주는 표입니다.</translation>
    </message>
    <message>
        <source>The cell under the mouse.</source>
        <translation>마우스 아래에 있는 칸입니다.</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>정답 숫자</translation>
    </message>
    <message>
        <source>predicted digit</source>
        <translation>예측한 숫자</translation>
    </message>
    <message>
        <source>true {true} → predicted {predicted}: 1 image</source>
        <translation>정답 {true} → 예측 {predicted}: 이미지 1개</translation>
    </message>
    <message>
        <source>true {true} → predicted {predicted}: {count} images</source>
        <translation>정답 {true} → 예측 {predicted}: 이미지 {count}개</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>Drawings per digit in your set. Orange: fewer than {minimum}, not enough to fine-tune on.</source>
        <translation>세트에 있는 숫자별 그림 수입니다. 주황색은 {minimum}개 미만으로, 미세 조정에 모자란다는 뜻입니다.</translation>
    </message>
    <message>
        <source>Drawings per digit</source>
        <translation>숫자별 그림 수</translation>
    </message>
</context>
<context>
    <name>DigitMapView</name>
    <message>
        <source>mistake</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>투영(&amp;P)</translation>
    </message>
    <message>
        <source>Computing the t-SNE map; the PCA map stays on show until it is ready.</source>
        <translation>t-SNE 지도를 계산하는 중입니다. 준비될 때까지 PCA 지도가 그대로 보입니다.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop computing the t-SNE map; the PCA map stays.</source>
        <translation>t-SNE 지도 계산을 중지합니다. PCA 지도는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Show my handwriting</source>
        <translation>내 손글씨 표시</translation>
    </message>
    <message>
        <source>Open or train a model to see how it sorts the digits.</source>
        <translation>모델을 열거나 학습하면 신경망이 숫자를 어떻게 분류하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>How the digits are laid out in 2-D. PCA: the two directions in which the features spread most; immediate, and it follows new weights. t-SNE: keeps each digit near the digits the network finds most alike, so classes separate more clearly; it takes a few seconds. Your drawing is placed among its 10 nearest test digits, as t-SNE cannot place a new point itself.</source>
        <translation>숫자들을 2차원에 어떻게 배치할지 고릅니다. PCA: 특성이 가장 크게 퍼지는 두 방향으로 투영합니다. 바로 계산되며 새 가중치를 따라갑니다. t-SNE: 신경망이 가장 비슷하다고 보는 숫자끼리 가까이 두므로 클래스가 더 뚜렷하게 나뉩니다. 계산에 몇 초가 걸립니다. t-SNE는 새 점을 스스로 배치할 수 없으므로, 내 그림은 가장 가까운 테스트 숫자 10개 사이에 놓입니다.</translation>
    </message>
    <message>
        <source>t-SNE map of {count} test digits, {wrong} read wrongly (ringed). Hover a point to see the digit; click it to put it on the canvas. ★ is your drawing, placed among its 10 nearest digits.</source>
        <translation>테스트 숫자 {count}개의 t-SNE 지도입니다. {wrong}개를 잘못 예측했습니다(동그라미 표시). 점 위에 마우스를 올리면 그 숫자가 보이고, 클릭하면 캔버스에 올립니다. ★는 내 그림이며, 가장 가까운 숫자 10개 사이에 놓입니다.</translation>
    </message>
    <message>
        <source>{count} test digits, {wrong} read wrongly (ringed). Hover a point to see the digit; click it to put it on the canvas. ★ is your drawing.</source>
        <translation>테스트 숫자 {count}개 중 {wrong}개를 잘못 예측했습니다(동그라미 표시). 점 위에 마우스를 올리면 그 숫자가 보이고, 클릭하면 캔버스에 올립니다. ★는 내 그림입니다.</translation>
    </message>
    <message>
        <source>The t-SNE map could not be made: {error}</source>
        <translation>t-SNE 지도를 만들지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Show your {count} handwriting samples on the map as outlined stars, coloured by their digit and placed with the same projection as the test digits.</source>
        <translation>내 손글씨 {count}개를 지도에 테두리만 있는 별로 표시합니다. 별의 색은 그 숫자를 나타내고, 위치는 테스트 숫자와 같은 투영으로 정합니다.</translation>
    </message>
    <message>
        <source>You have no handwriting samples yet: store some drawings with the digit buttons under the canvas (My handwriting) to see them here.</source>
        <translation>아직 손글씨가 없습니다. 캔버스 아래의 숫자 버튼으로 그림을 저장하면(내 손글씨) 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>my handwriting</source>
        <translation>내 손글씨</translation>
    </message>
    <message>
        <source>Test digit #{index}: a {true}, read as {read}. Click to put it on the canvas.</source>
        <translation>테스트 숫자 #{index}: 정답 {true}, 예측 {read}. 클릭하면 캔버스에 올립니다.</translation>
    </message>
    <message>
        <source>Test digit #{index}: a {true}, read wrongly as {read}. Click to put it on the canvas.</source>
        <translation>테스트 숫자 #{index}: 정답 {true}, 잘못 예측 {read}. 클릭하면 캔버스에 올립니다.</translation>
    </message>
</context>
<context>
    <name>DigitMapWorker</name>
    <message>
        <source>Computing the t-SNE map</source>
        <translation>t-SNE 지도 계산</translation>
    </message>
</context>
<context>
    <name>DigitWords</name>
    <message>
        <source>zero</source>
        <translation>0</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>0</translation>
    </message>
    <message>
        <source>one</source>
        <translation>1</translation>
    </message>
    <message>
        <source>ones</source>
        <translation>1</translation>
    </message>
    <message>
        <source>two</source>
        <translation>2</translation>
    </message>
    <message>
        <source>twos</source>
        <translation>2</translation>
    </message>
    <message>
        <source>three</source>
        <translation>3</translation>
    </message>
    <message>
        <source>threes</source>
        <translation>3</translation>
    </message>
    <message>
        <source>four</source>
        <translation>4</translation>
    </message>
    <message>
        <source>fours</source>
        <translation>4</translation>
    </message>
    <message>
        <source>five</source>
        <translation>5</translation>
    </message>
    <message>
        <source>fives</source>
        <translation>5</translation>
    </message>
    <message>
        <source>six</source>
        <translation>6</translation>
    </message>
    <message>
        <source>sixes</source>
        <translation>6</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>7</translation>
    </message>
    <message>
        <source>sevens</source>
        <translation>7</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>8</translation>
    </message>
    <message>
        <source>eights</source>
        <translation>8</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>9</translation>
    </message>
    <message>
        <source>nines</source>
        <translation>9</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw one digit with the left mouse button or a pen. Right-click or press Delete to clear, Ctrl+Z to undo the last stroke.</source>
        <translation>마우스 왼쪽 버튼이나 펜으로 숫자 하나를 그립니다. 오른쪽 클릭하거나 Delete 키를 누르면 지우고, Ctrl+Z를 누르면 마지막 획을 취소합니다.</translation>
    </message>
    <message>
        <source>Drawing canvas</source>
        <translation>그림 캔버스</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>여기에 숫자를 그리세요</translation>
    </message>
</context>
<context>
    <name>DrawingController</name>
    <message>
        <source>The new model reads your drawing in a moment…</source>
        <translation>새 모델이 곧 그림을 읽습니다…</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Evaluate on the test set</source>
        <translation>테스트 세트로 평가</translation>
    </message>
    <message>
        <source>Read the 10 000 MNIST test images, which no model trains on, and count the right and wrong answers (Ctrl+Shift+E).</source>
        <translation>어떤 모델도 학습에 쓰지 않는 MNIST 테스트 이미지 10 000개를 읽고 맞힌 답과 틀린 답을 셉니다(Ctrl+Shift+E). 테스트 세트는 학습에 쓰지 않은 데이터라서 모델이 처음 보는 숫자를 얼마나 잘 읽는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>%v / %m images</source>
        <translation>이미지 %v / %m개</translation>
    </message>
    <message>
        <source>Test images read so far.</source>
        <translation>지금까지 읽은 테스트 이미지입니다.</translation>
    </message>
    <message>
        <source>Open or train a model, then evaluate it on the MNIST test set.</source>
        <translation>모델을 열거나 학습한 다음 MNIST 테스트 세트로 평가하십시오.</translation>
    </message>
    <message>
        <source>Accuracy: the share of test images read correctly. Loss: the mean cross-entropy, lower is better.</source>
        <translation>정확도: 테스트 이미지 가운데 맞게 읽은 비율입니다. 손실: 평균 교차 엔트로피로, 낮을수록 좋습니다.</translation>
    </message>
    <message>
        <source>Most confident mistakes</source>
        <translation>가장 확신한 오답</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>평가하는 중…</translation>
    </message>
    <message>
        <source>1 image of a {true} read correctly</source>
        <translation>정답 {true} 중 맞게 읽은 이미지 1개</translation>
    </message>
    <message>
        <source>{count} images of a {true} read correctly (the {shown} most confident)</source>
        <translation>정답 {true} 중 맞게 읽은 이미지 {count}개 (가장 확신한 {shown}개)</translation>
    </message>
    <message>
        <source>{count} images of a {true} read correctly</source>
        <translation>정답 {true} 중 맞게 읽은 이미지 {count}개</translation>
    </message>
    <message>
        <source>1 image of a {true} read as {predicted}</source>
        <translation>정답 {true} 중 {predicted}(으)로 읽은 이미지 1개</translation>
    </message>
    <message>
        <source>{count} images of a {true} read as {predicted} (the {shown} most confident)</source>
        <translation>정답 {true} 중 {predicted}(으)로 읽은 이미지 {count}개 (가장 확신한 {shown}개)</translation>
    </message>
    <message>
        <source>{count} images of a {true} read as {predicted}</source>
        <translation>정답 {true} 중 {predicted}(으)로 읽은 이미지 {count}개</translation>
    </message>
    <message>
        <source>The {count} most confident mistakes (click a matrix cell for others)</source>
        <translation>가장 확신한 오답 {count}개 (다른 경우는 행렬의 칸을 클릭하십시오)</translation>
    </message>
    <message>
        <source>For the previous model: evaluate again for this one.</source>
        <translation>이전 모델의 결과입니다. 지금 모델로 다시 평가하십시오.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy {accuracy} %&lt;/b&gt; · loss {loss} · {samples} test images · {wrong} wrong</source>
        <translation>&lt;b&gt;정확도 {accuracy}%&lt;/b&gt; · 손실 {loss} · 테스트 이미지 {samples}개 · 틀린 답 {wrong}개</translation>
    </message>
</context>
<context>
    <name>EvaluationWorker</name>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>{path}(으)로 내보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>&amp;New Model</source>
        <translation>새 모델(&amp;N)</translation>
    </message>
    <message>
        <source>Close the open model and start a new one (Ctrl+N).</source>
        <translation>열린 모델을 닫고 새 모델을 시작합니다(Ctrl+N).</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .keras model file (Ctrl+O).</source>
        <translation>.keras 모델 파일을 엽니다(Ctrl+O).</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the model with its training history (Ctrl+S).</source>
        <translation>모델을 학습 기록과 함께 저장합니다(Ctrl+S).</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the model under a new name (Ctrl+Shift+S).</source>
        <translation>모델을 새 이름으로 저장합니다(Ctrl+Shift+S).</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the model as a TensorFlow Lite file, an ONNX file or a TensorFlow SavedModel folder; each export is run on 200 MNIST test digits to check it gives the model&apos;s answers.</source>
        <translation>모델을 TensorFlow Lite 파일, ONNX 파일 또는 TensorFlow SavedModel 폴더로 내보냅니다. 내보낸 파일마다 MNIST 테스트 숫자 200개로 실행해 모델과 같은 답을 내는지 확인합니다.</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>Forget the recently opened models.</source>
        <translation>최근에 연 모델 목록을 지웁니다.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 모델 열기(&amp;R)</translation>
    </message>
    <message>
        <source>New model: Train builds one with the settings on the left.</source>
        <translation>새 모델: 학습을 누르면 왼쪽의 설정으로 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>Wait for the training, export or opening to end before opening a model.</source>
        <translation>모델을 열기 전에 학습, 내보내기 또는 열기가 끝날 때까지 기다리십시오.</translation>
    </message>
    <message>
        <source>{file} opens as soon as TensorFlow has loaded.</source>
        <translation>TensorFlow를 불러오면 바로 {file}을(를) 엽니다.</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>{path}을(를) 여는 중…</translation>
    </message>
    <message>
        <source>Opening {file}… {count} weight tensors built</source>
        <translation>{file}을(를) 여는 중… 가중치 텐서 {count}개를 만들었습니다</translation>
    </message>
    <message>
        <source>Opened the ready-made model (trained on MNIST by Digit Lab&apos;s makers) so that you can draw at once. Train builds your own; Save keeps it under a name you choose.</source>
        <translation>바로 그려 볼 수 있도록 미리 학습된 모델(Digit Lab 제작진이 MNIST로 학습)을 열었습니다. 학습을 누르면 나만의 모델을 만들고, 저장하면 원하는 이름으로 보관합니다.</translation>
    </message>
    <message>
        <source>The ready-made model is open: draw a digit.</source>
        <translation>미리 학습된 모델이 열렸습니다. 숫자를 그려 보십시오.</translation>
    </message>
    <message numerus="yes">
        <source>Opened {path} (%n epoch(s) of history; {figures})</source>
        <translation>
            <numerusform>{path}을(를) 열었습니다(학습 기록 %n 에포크, {figures})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {path} (%n epoch(s) of history)</source>
        <translation>
            <numerusform>{path}을(를) 열었습니다(학습 기록 %n 에포크)</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened {file}.</source>
        <translation>{file}을(를) 열었습니다.</translation>
    </message>
    <message>
        <source>Could not open {file}.</source>
        <translation>{file}을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>What to do: choose a .keras file saved by Digit Lab or by Keras 3. The model you had open is unchanged.</source>
        <translation>해결 방법: Digit Lab이나 Keras 3으로 저장한 .keras 파일을 고르십시오. 열려 있던 모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>모델을 열 수 없습니다</translation>
    </message>
    <message>
        <source>The last model, {path}, is no longer there.</source>
        <translation>마지막으로 연 모델 {path}이(가) 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>What to do: choose another folder or file name. Your model is still open and unchanged.</source>
        <translation>해결 방법: 다른 폴더나 파일 이름을 고르십시오. 모델은 바뀌지 않은 채 그대로 열려 있습니다.</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>모델을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file}에 저장했습니다.</translation>
    </message>
    <message>
        <source>No recent models</source>
        <translation>최근 모델 없음</translation>
    </message>
    <message>
        <source>TensorFlow Lite model (*.tflite)</source>
        <translation>TensorFlow Lite 모델 (*.tflite)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel folder (*)</source>
        <translation>TensorFlow SavedModel 폴더 (*)</translation>
    </message>
    <message>
        <source>Export the model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>{format} export is not available here.</source>
        <translation>이 컴퓨터에서는 {format} 내보내기를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>{format} export is not available</source>
        <translation>{format} 내보내기를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Exporting a {format} to {path}…</source>
        <translation>{format}(으)로 {path}에 내보내는 중…</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>{path}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Exported {path} ({size} MB): {figures}.</source>
        <translation>{path}({size} MB)을(를) 내보냈습니다: {figures}.</translation>
    </message>
    <message>
        <source>Exported {file}: checked, it gives the model&apos;s answers.</source>
        <translation>{file}을(를) 내보냈습니다. 확인 결과 모델과 같은 답을 냅니다.</translation>
    </message>
    <message>
        <source>Exported {path} ({size} MB), but the check FAILED: {figures}. The file is kept; do not use it.</source>
        <translation>{path}({size} MB)을(를) 내보냈지만 확인에 실패했습니다: {figures}. 파일은 남겨 두었지만 사용하지 마십시오.</translation>
    </message>
    <message>
        <source>Exported {file}, but it failed its check.</source>
        <translation>{file}을(를) 내보냈지만 확인에 실패했습니다.</translation>
    </message>
    <message>
        <source>Exported {path}.</source>
        <translation>{path}을(를) 내보냈습니다.</translation>
    </message>
    <message>
        <source>Export checked</source>
        <translation>내보내기 확인 완료</translation>
    </message>
    <message>
        <source>The export failed its check</source>
        <translation>내보낸 파일이 확인에 실패했습니다</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>내보내기에 실패했습니다.</translation>
    </message>
    <message>
        <source>What to do: try the other export format, or another folder. Your model is unchanged.</source>
        <translation>해결 방법: 다른 내보내기 형식이나 다른 폴더를 골라 보십시오. 모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>FineTuneResultDialog</name>
    <message>
        <source>Fine-tuned on your handwriting</source>
        <translation>내 손글씨로 미세 조정 완료</translation>
    </message>
    <message>
        <source>Stopped early: the model learned your handwriting for part of the run.</source>
        <translation>일찍 중지했습니다: 모델이 실행의 일부 동안만 내 손글씨를 학습했습니다.</translation>
    </message>
    <message>
        <source>The model has practised on your handwriting.</source>
        <translation>모델이 내 손글씨로 학습했습니다.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>After</source>
        <translation>이후</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message numerus="yes">
        <source>Your handwriting (%n held-out drawings)</source>
        <translation>
            <numerusform>내 손글씨 (따로 떼어 둔 그림 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>MNIST test set</source>
        <translation>MNIST 테스트 세트</translation>
    </message>
    <message>
        <source>{change} points</source>
        <translation>{change}%p</translation>
    </message>
    <message numerus="yes">
        <source>Learned from %n of your drawings (each shown several times, mixed with MNIST digits); measured on the drawings it did not learn from. Keep the new weights, or discard them to get the model back as it was.</source>
        <translation>
            <numerusform>내 그림 %n개로 학습했습니다(각 그림을 MNIST 숫자와 섞어 여러 번 보여 주었습니다). 측정은 학습에 쓰지 않은 그림으로 했습니다. 새 가중치를 유지하거나, 버려서 모델을 원래대로 되돌리세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>유지</translation>
    </message>
    <message>
        <source>Keep the fine-tuned weights; the model is then modified and unsaved.</source>
        <translation>미세 조정한 가중치를 유지합니다. 모델은 바뀐 채 아직 저장되지 않은 상태가 됩니다.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Restore the weights the model had before fine-tuning.</source>
        <translation>미세 조정 전의 가중치로 되돌립니다.</translation>
    </message>
</context>
<context>
    <name>FineTuneWorker</name>
    <message>
        <source>Fine-tuning</source>
        <translation>미세 조정</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}</source>
        <translation>
            <numerusform>읽을 수 없는 그림 %n개를 제외했습니다: {files}</numerusform>
        </translation>
    </message>
    <message>
        <source>Fine-tuning on {count} of your drawings mixed with MNIST…</source>
        <translation>내 그림 {count}개를 MNIST와 섞어 미세 조정하는 중…</translation>
    </message>
</context>
<context>
    <name>HandwritingController</name>
    <message>
        <source>Fine-tuned weights · keep or discard them</source>
        <translation>미세 조정한 가중치 · 유지하거나 버리세요</translation>
    </message>
    <message>
        <source>My handwriting</source>
        <translation>내 손글씨</translation>
    </message>
    <message>
        <source>Your own drawings: collect them, see how well the model reads them, and fine-tune the model on them.</source>
        <translation>내가 그린 그림: 모으고, 모델이 얼마나 잘 읽는지 보고, 그 그림으로 모델을 미세 조정합니다. 미세 조정은 이미 학습된 모델을 새 데이터로 조금 더 학습시키는 것입니다.</translation>
    </message>
    <message>
        <source>Store the drawing as an {digit} ({shortcut}).</source>
        <translation>그림을 숫자 {digit}(으)로 저장합니다({shortcut}).</translation>
    </message>
    <message>
        <source>Store the drawing as a {digit} ({shortcut}).</source>
        <translation>그림을 숫자 {digit}(으)로 저장합니다({shortcut}).</translation>
    </message>
    <message>
        <source>Store as {digit}</source>
        <translation>숫자 {digit}(으)로 저장</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>연습(&amp;P)</translation>
    </message>
    <message>
        <source>Digit Lab asks for digits in turn; draw each and press Enter.</source>
        <translation>Digit Lab이 숫자를 차례로 요청합니다. 숫자를 그리고 Enter 키를 누르세요.</translation>
    </message>
    <message>
        <source>&amp;Fine-tune on My Handwriting</source>
        <translation>내 손글씨로 미세 조정(&amp;F)</translation>
    </message>
    <message>
        <source>Import Drawings from Zip…</source>
        <translation>ZIP에서 그림 가져오기…</translation>
    </message>
    <message>
        <source>Import Drawings from Folder…</source>
        <translation>폴더에서 그림 가져오기…</translation>
    </message>
    <message>
        <source>Export Drawings as Zip…</source>
        <translation>그림을 ZIP으로 내보내기…</translation>
    </message>
    <message>
        <source>&amp;Handwriting</source>
        <translation>손글씨(&amp;H)</translation>
    </message>
    <message>
        <source>Nothing to store: draw an {digit} on the canvas first.</source>
        <translation>저장할 것이 없습니다: 먼저 캔버스에 숫자 {digit}을(를) 그리세요.</translation>
    </message>
    <message>
        <source>Nothing to store: draw a {digit} on the canvas first.</source>
        <translation>저장할 것이 없습니다: 먼저 캔버스에 숫자 {digit}을(를) 그리세요.</translation>
    </message>
    <message>
        <source>Could not store the drawing.</source>
        <translation>그림을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not store the drawing</source>
        <translation>그림을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Could not store the drawing in {folder}: {error}

What to do: check that the folder is writable.</source>
        <translation>그림을 {folder}에 저장할 수 없습니다: {error}

해결 방법: 폴더에 쓸 수 있는지 확인하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Stored as {digit} · you have %n {digits}</source>
        <translation>
            <numerusform>숫자 {digit}(으)로 저장했습니다 · {digits} 그림이 모두 %n개입니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice ended.</source>
        <translation>연습을 마쳤습니다.</translation>
    </message>
    <message>
        <source>Draw an {digit}  ({count} of {goal} {digits})</source>
        <translation>그릴 숫자: {digit}  ({digits} 그림 {goal}개 중 {count}개)</translation>
    </message>
    <message>
        <source>Draw a {digit}  ({count} of {goal} {digits})</source>
        <translation>그릴 숫자: {digit}  ({digits} 그림 {goal}개 중 {count}개)</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>삭제했습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n drawings.</source>
        <translation>
            <numerusform>그림 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>ZIP 압축 파일 (*.zip)</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>그림 가져오기</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export your drawings</source>
        <translation>내 그림 내보내기</translation>
    </message>
    <message>
        <source>Import a folder with sub-folders 0 to 9</source>
        <translation>하위 폴더 0~9가 있는 폴더 가져오기</translation>
    </message>
    <message>
        <source>Nothing to export yet: store some drawings first.</source>
        <translation>아직 내보낼 것이 없습니다: 먼저 그림을 저장하세요.</translation>
    </message>
    <message>
        <source>Could not import {file}.</source>
        <translation>{file} 가져오기에 실패했습니다.</translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation>{path} 가져오기 실패: {error}</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>가져올 수 없음</translation>
    </message>
    <message>
        <source>{error}

What to do: choose a zip exported by Digit Lab, or a folder with sub-folders 0 to 9 of images.</source>
        <translation>{error}

해결 방법: Digit Lab에서 내보낸 ZIP 파일이나, 이미지가 든 하위 폴더 0~9가 있는 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Not imported from {file}: {reason}</source>
        <translation>{file}에서 가져오지 않음: {reason}</translation>
    </message>
    <message>
        <source>No drawings found in {file} (it needs sub-folders 0 to 9 of images).</source>
        <translation>{file}에서 그림을 찾지 못했습니다(이미지가 든 하위 폴더 0~9가 필요합니다).</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}.</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}.</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}; skipped {skipped} (see the log).</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다. {skipped}개는 건너뛰었습니다(로그 참조).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}; skipped {skipped} (see the log).</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다. {skipped}개는 건너뛰었습니다(로그 참조).</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {count} more (all are listed in the log).</source>
        <translation>… 외 {count}개 (모두 로그에 있습니다).</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawing from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다. 다음 이미지는 건너뛰었습니다:

{files}

빈 이미지(잉크가 없는 이미지, 예: 흰 바탕에 흰 잉크)와 읽을 수 있는 이미지가 아닌 파일은 빼고, 나머지는 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n drawings from {file}. These images were skipped:

{files}

Blank images (no ink, for example white ink on white) and files that are not readable images are left out; the others were imported.</source>
        <translation>
            <numerusform>{file}에서 그림 %n개를 가져왔습니다. 다음 이미지는 건너뛰었습니다:

{files}

빈 이미지(잉크가 없는 이미지, 예: 흰 바탕에 흰 잉크)와 읽을 수 있는 이미지가 아닌 파일은 빼고, 나머지는 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some images were not imported</source>
        <translation>가져오지 못한 이미지가 있음</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>내보낼 수 없음</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}

What to do: choose another folder or file name.</source>
        <translation>{path}에 쓸 수 없습니다: {error}

해결 방법: 다른 폴더나 파일 이름을 고르세요.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawing to {file}.</source>
        <translation>
            <numerusform>{file}에 그림 %n개를 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n drawings to {file}.</source>
        <translation>
            <numerusform>{file}에 그림 %n개를 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open or train a model first.</source>
        <translation>먼저 모델을 열거나 학습하세요.</translation>
    </message>
    <message>
        <source>Your set is empty: store some drawings first.</source>
        <translation>세트가 비어 있습니다: 먼저 그림을 저장하세요.</translation>
    </message>
    <message>
        <source>Reading your drawings…</source>
        <translation>그림을 읽는 중…</translation>
    </message>
    <message>
        <source>Measuring left out {reason}</source>
        <translation>측정에서 뺌: {reason}</translation>
    </message>
    <message>
        <source>Your handwriting: {personal} · MNIST test: {mnist}</source>
        <translation>내 손글씨: {personal} · MNIST 테스트: {mnist}</translation>
    </message>
    <message>
        <source>Open or train a model first: fine-tuning teaches an existing model your handwriting.</source>
        <translation>먼저 모델을 열거나 학습하세요: 미세 조정은 이미 있는 모델에 내 손글씨를 가르칩니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n more {digits}</source>
        <translation>
            <numerusform>숫자 {digits}: %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Collect at least {minimum} drawings of every digit first (one to learn from, one to check on). Still needed: {needs}. Practice asks for exactly these.</source>
        <translation>먼저 숫자마다 그림을 {minimum}개 이상 모으세요(하나는 학습용, 하나는 확인용). 아직 더 필요한 그림: {needs}. 연습이 바로 이 숫자들을 요청합니다.</translation>
    </message>
    <message>
        <source>Fine-tuning needs more drawings.</source>
        <translation>미세 조정에는 그림이 더 필요합니다.</translation>
    </message>
    <message>
        <source>Collect more drawings first</source>
        <translation>먼저 그림을 더 모으세요</translation>
    </message>
    <message>
        <source>Fine-tuning… (Stop ends it after the current batch.)</source>
        <translation>미세 조정 중… (중지를 누르면 지금 배치가 끝난 뒤 멈춥니다.)</translation>
    </message>
    <message numerus="yes">
        <source>Fine-tuning %n epoch(s) on your handwriting ({drawings} drawings) mixed with MNIST, learning rate {rate}.</source>
        <translation>
            <numerusform>내 손글씨(그림 {drawings}개)를 MNIST와 섞어 %n 에포크 동안 미세 조정합니다. 학습률 {rate}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fine-tuning on your handwriting…</source>
        <translation>내 손글씨로 미세 조정하는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}.</source>
        <translation>
            <numerusform>읽을 수 없는 그림 %n개를 뺐습니다: {files}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fine-tuning ended before it learned anything.</source>
        <translation>미세 조정이 아무것도 학습하기 전에 끝났습니다.</translation>
    </message>
    <message>
        <source>Fine-tuning: {message}</source>
        <translation>미세 조정: {message}</translation>
    </message>
    <message>
        <source>Fine-tuning failed: the model is unchanged.</source>
        <translation>미세 조정에 실패했습니다: 모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Fine-tuning stopped: the model is unchanged.</source>
        <translation>미세 조정을 중지했습니다: 모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Fine-tuning failed</source>
        <translation>미세 조정 실패</translation>
    </message>
    <message>
        <source>{message}

The model is unchanged.</source>
        <translation>{message}

모델은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Your handwriting {before} → {after} · MNIST test {mnist_before} → {mnist_after}.</source>
        <translation>내 손글씨 {before} → {after} · MNIST 테스트 {mnist_before} → {mnist_after}.</translation>
    </message>
    <message>
        <source>Keep or discard?</source>
        <translation>유지할까요, 버릴까요?</translation>
    </message>
    <message>
        <source>Fine-tuning stopped: your handwriting {before} → {after} · MNIST test {mnist_before} → {mnist_after}.</source>
        <translation>미세 조정 중지: 내 손글씨 {before} → {after} · MNIST 테스트 {mnist_before} → {mnist_after}.</translation>
    </message>
    <message>
        <source>Fine-tuned: your handwriting {before} → {after} · MNIST test {mnist_before} → {mnist_after}.</source>
        <translation>미세 조정 완료: 내 손글씨 {before} → {after} · MNIST 테스트 {mnist_before} → {mnist_after}.</translation>
    </message>
    <message>
        <source>Kept the fine-tuned weights (your handwriting {personal}, MNIST test {mnist}). Save the model to keep them for good.</source>
        <translation>미세 조정한 가중치를 유지했습니다(내 손글씨 {personal}, MNIST 테스트 {mnist}). 계속 쓰려면 모델을 저장하세요.</translation>
    </message>
    <message>
        <source>Kept the fine-tuned weights (not saved yet).</source>
        <translation>미세 조정한 가중치를 유지했습니다(아직 저장하지 않음).</translation>
    </message>
    <message>
        <source>Kept the fine-tuned weights · the model is unsaved.</source>
        <translation>미세 조정한 가중치를 유지했습니다 · 모델이 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>Discarded: the model is back as it was (your handwriting {personal}, MNIST test {mnist}).</source>
        <translation>버렸습니다: 모델이 원래대로 돌아왔습니다(내 손글씨 {personal}, MNIST 테스트 {mnist}).</translation>
    </message>
    <message>
        <source>Discarded the fine-tuned weights: the model is back as it was.</source>
        <translation>미세 조정한 가중치를 버렸습니다: 모델이 원래대로 돌아왔습니다.</translation>
    </message>
    <message>
        <source>Discarded the fine-tuned weights.</source>
        <translation>미세 조정한 가중치를 버렸습니다.</translation>
    </message>
</context>
<context>
    <name>HandwritingSetView</name>
    <message>
        <source>Handwriting set summary</source>
        <translation>손글씨 세트 요약</translation>
    </message>
    <message>
        <source>All digits</source>
        <translation>모든 숫자</translation>
    </message>
    <message>
        <source>Only {digits}</source>
        <translation>숫자 {digits}의 그림</translation>
    </message>
    <message>
        <source>Show the drawings of one digit only.</source>
        <translation>한 숫자의 그림만 보여 줍니다.</translation>
    </message>
    <message>
        <source>Your drawings, labelled with the digit they were stored as. Select a wrong one and press Delete to remove it.</source>
        <translation>내 그림과 저장한 숫자입니다. 잘못된 그림을 선택하고 Delete 키를 누르면 지웁니다.</translation>
    </message>
    <message>
        <source>Your drawings</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove the selected drawings from your set (Delete).</source>
        <translation>선택한 그림을 세트에서 지웁니다(Delete).</translation>
    </message>
    <message>
        <source>Import zip…</source>
        <translation>ZIP 가져오기…</translation>
    </message>
    <message>
        <source>Add the drawings of a zip exported by Digit Lab (or any zip of folders 0–9 of PNG images).</source>
        <translation>Digit Lab에서 내보낸 ZIP 파일(또는 PNG 이미지가 든 폴더 0–9로 된 ZIP 파일)의 그림을 추가합니다.</translation>
    </message>
    <message>
        <source>Export zip…</source>
        <translation>ZIP 내보내기…</translation>
    </message>
    <message>
        <source>Save your whole set as one zip file, to back it up or share it.</source>
        <translation>세트 전체를 ZIP 파일 하나로 저장해 백업하거나 공유합니다.</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>폴더 가져오기…</translation>
    </message>
    <message>
        <source>Add the images of a folder with sub-folders 0 to 9.</source>
        <translation>하위 폴더 0~9가 있는 폴더의 이미지를 추가합니다.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>보기:</translation>
    </message>
    <message>
        <source>Open or train a model, then ask.</source>
        <translation>모델을 열거나 학습한 뒤 물어보세요.</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>측정 결과</translation>
    </message>
    <message>
        <source>Misread drawings (stored as → read as):</source>
        <translation>잘못 읽은 그림 (저장한 숫자 → 읽은 숫자):</translation>
    </message>
    <message>
        <source>The drawings the model misread: the digit you stored → the digit it read.</source>
        <translation>모델이 잘못 읽은 그림입니다: 저장한 숫자 → 모델이 읽은 숫자.</translation>
    </message>
    <message>
        <source>Does it read your writing?</source>
        <translation>내 글씨를 잘 읽나요?</translation>
    </message>
    <message>
        <source>Fine-tune on my handwriting</source>
        <translation>내 손글씨로 미세 조정</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <source>How many passes over your drawings (mixed with MNIST) fine-tuning makes.</source>
        <translation>미세 조정이 (MNIST와 섞은) 내 그림 전체를 몇 번 반복해 학습하는지 정합니다. 데이터 전체를 한 번 학습하는 것을 에포크라고 합니다.</translation>
    </message>
    <message>
        <source>Needs an open model and at least {minimum} drawings of every digit.</source>
        <translation>열린 모델과, 숫자마다 {minimum}개 이상의 그림이 필요합니다.</translation>
    </message>
    <message>
        <source>Fine-tuning result</source>
        <translation>미세 조정 결과</translation>
    </message>
    <message>
        <source>Teach it your handwriting</source>
        <translation>내 손글씨 가르치기</translation>
    </message>
    <message>
        <source>How well does this model read my writing?</source>
        <translation>이 모델은 내 글씨를 얼마나 잘 읽을까요?</translation>
    </message>
    <message>
        <source>Let the open model read every drawing in your set and compare with its accuracy on the MNIST test set.</source>
        <translation>열린 모델이 세트의 모든 그림을 읽게 하고, MNIST 테스트 세트에서의 정확도와 비교합니다.</translation>
    </message>
    <message>
        <source>Train the open model a little more on your drawings mixed with MNIST digits, then compare before and after and keep or discard.</source>
        <translation>열린 모델을 MNIST 숫자와 섞은 내 그림으로 조금 더 학습시킨 뒤, 전후를 비교해 유지하거나 버립니다. 이렇게 학습된 모델을 조금 더 학습시키는 것을 미세 조정이라고 합니다.</translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation>저장 위치: {folder}</translation>
    </message>
    <message>
        <source>No drawings yet. Draw a digit and press its button under the canvas (Ctrl+0 … Ctrl+9), or try Practice.</source>
        <translation>아직 그림이 없습니다. 숫자를 그리고 캔버스 아래에서 그 숫자의 버튼(Ctrl+0 … Ctrl+9)을 누르거나, 연습을 해 보세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n drawing · fewest: {digits} ({fewest} each)</source>
        <translation>
            <numerusform>그림 %n개 · 가장 적은 숫자: {digits} (각 {fewest}개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawings · fewest: {digits} ({fewest} each)</source>
        <translation>
            <numerusform>그림 %n개 · 가장 적은 숫자: {digits} (각 {fewest}개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored as {digit}</source>
        <translation>숫자 {digit}(으)로 저장됨</translation>
    </message>
    <message>
        <source>Stored as {digit} on {date}</source>
        <translation>{date}에 숫자 {digit}(으)로 저장됨</translation>
    </message>
    <message>
        <source>Stored as {digit} on {date} at {time}</source>
        <translation>{date} {time}에 숫자 {digit}(으)로 저장됨</translation>
    </message>
    <message>
        <source>Stored as {stored}; the model read {read} ({confidence} % sure).</source>
        <translation>숫자 {stored}(으)로 저장했지만 모델은 {read}(으)로 읽었습니다(확신 {confidence}%).</translation>
    </message>
    <message>
        <source>Reading your drawings…</source>
        <translation>그림을 읽는 중…</translation>
    </message>
    <message>
        <source>Your handwriting: {accuracy} ({correct} of {total})</source>
        <translation>내 손글씨: {accuracy} ({total}개 중 {correct}개)</translation>
    </message>
    <message numerus="yes">
        <source>MNIST test: {accuracy} (%n images)</source>
        <translation>
            <numerusform>MNIST 테스트: {accuracy} (이미지 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Per digit: {figures}</source>
        <translation>숫자별: {figures}</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n drawing(s) that cannot be read: {files}</source>
        <translation>
            <numerusform>읽을 수 없는 그림 %n개를 뺐습니다: {files}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>custom</source>
        <translation>사용자 정의</translation>
    </message>
    <message>
        <source>{name} · {optimizer} {rate} · {epochs} ep</source>
        <translation>{name} · {optimizer} {rate} · {epochs} 에포크</translation>
    </message>
    <message>
        <source>{label} (epochs {first}–{last})</source>
        <translation>{label} (에포크 {first}–{last})</translation>
    </message>
    <message>
        <source>{label} · tape</source>
        <translation>{label} · tape 루프</translation>
    </message>
    <message>
        <source>Every training run of this session and the history of each opened model. Untick a run to hide its curves.</source>
        <translation>이번 세션의 모든 학습 실행과 연 모델마다의 기록입니다. 실행의 체크를 해제하면 그 곡선을 숨깁니다.</translation>
    </message>
    <message>
        <source>Validation curves</source>
        <translation>검증 곡선</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>둘 다</translation>
    </message>
    <message>
        <source>Which figures to overlay: those on the validation images (solid), on the training images (dashed), or both.</source>
        <translation>겹쳐 그릴 수치를 고릅니다: 검증 이미지의 수치(실선), 학습 이미지의 수치(점선), 또는 둘 다입니다. 검증 데이터는 학습에 쓰지 않고 따로 떼어 둔 이미지로, 과대적합을 알아보는 데 씁니다.</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG 내보내기…</translation>
    </message>
    <message>
        <source>Save the two plots, with the names of the shown runs, as a PNG picture.</source>
        <translation>두 그래프를 보이는 실행의 이름과 함께 PNG 그림으로 저장합니다.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save each shown run&apos;s figures per epoch as a CSV table (one file per run) in a folder you choose.</source>
        <translation>보이는 실행마다 에포크별 수치를 CSV 표로 고른 폴더에 저장합니다(실행마다 파일 하나).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Forget the runs listed here (the models keep their histories).</source>
        <translation>여기 나열된 실행을 지웁니다(모델에 저장된 기록은 그대로 남습니다).</translation>
    </message>
    <message>
        <source>Loss and accuracy per epoch of the shown runs. Drag to pan, scroll to zoom.</source>
        <translation>보이는 실행의 에포크별 손실과 정확도입니다. 끌어서 이동하고 스크롤해서 확대·축소합니다. 에포크는 학습 데이터 전체를 한 번 다 보는 단위입니다.</translation>
    </message>
    <message numerus="yes">
        <source>{label}: %n epoch(s). {details} Untick to hide.</source>
        <translation>
            <numerusform>{label}: %n 에포크. {details} 체크를 해제하면 숨깁니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{label}: %n epoch(s). Untick to hide.</source>
        <translation>
            <numerusform>{label}: %n 에포크. 체크를 해제하면 숨깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the curves as a picture</source>
        <translation>곡선을 그림으로 내보내기</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <source>Export one CSV table per run into</source>
        <translation>실행마다 CSV 표 하나씩 내보낼 폴더</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n CSV file(s) in {folder}.</source>
        <translation>
            <numerusform>{folder}에 CSV 파일 %n개를 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Each finished training run appears here, to compare with the others.</source>
        <translation>끝난 학습 실행이 여기에 나타나 다른 실행과 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <source>Click an image to put it on the canvas: the prediction and the feature maps follow.</source>
        <translation>이미지를 클릭하면 캔버스에 올립니다. 예측과 특성 맵이 함께 바뀝니다.</translation>
    </message>
    <message>
        <source>Test image {index}: a {true}, read as {predicted} with {confidence} confidence. Click to put it on the canvas.</source>
        <translation>테스트 이미지 {index}: 정답 {true}, 예측 {predicted} (확신 {confidence}). 클릭하면 캔버스에 올립니다.</translation>
    </message>
</context>
<context>
    <name>InspectionController</name>
    <message>
        <source>&amp;Evaluate on MNIST Test Set</source>
        <translation>MNIST 테스트 세트로 평가(&amp;E)</translation>
    </message>
    <message>
        <source>Evaluate the model on the 10 000 MNIST test images: accuracy, confusion matrix, mistakes.</source>
        <translation>MNIST 테스트 이미지 10 000개로 모델을 평가합니다: 정확도, 혼동 행렬, 오답. 테스트 세트는 학습에 쓰지 않은 데이터입니다.</translation>
    </message>
    <message>
        <source>Show what the network looks at</source>
        <translation>신경망이 보는 곳 표시</translation>
    </message>
    <message>
        <source>Tint the drawing where a small change would most change the top answer (a saliency map: the gradient of its probability per pixel).</source>
        <translation>조금만 바뀌어도 가장 높은 답이 크게 달라질 곳을 그림 위에 색으로 표시합니다(중요도 맵: 픽셀마다 그 확률의 기울기). 중요도 맵은 신경망이 판단할 때 어느 픽셀을 중요하게 보는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>신경망 내부</translation>
    </message>
    <message>
        <source>The feature maps of each convolution for your drawing, and what the first layer has learned.</source>
        <translation>내 그림에 대한 각 합성곱층의 특성 맵과 첫 번째 층이 학습한 내용입니다.</translation>
    </message>
    <message>
        <source>Digit map</source>
        <translation>숫자 지도</translation>
    </message>
    <message>
        <source>How the network sorts 2,000 test digits (what its last hidden layer makes of them, in 2-D), its mistakes ringed, and where your drawing lands.</source>
        <translation>신경망이 테스트 숫자 2,000개를 어떻게 분류하는지(마지막 은닉층의 출력을 2차원으로 나타냄), 오답은 동그라미로, 내 그림이 놓이는 곳과 함께 보여 줍니다.</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Accuracy on the MNIST test set, the confusion matrix and the mistakes.</source>
        <translation>MNIST 테스트 세트에서의 정확도, 혼동 행렬, 오답입니다.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>The curves of every training run of this session, overlaid.</source>
        <translation>이번 세션의 모든 학습 실행 곡선을 겹쳐 보여 줍니다.</translation>
    </message>
    <message>
        <source>Model summary</source>
        <translation>모델 요약</translation>
    </message>
    <message>
        <source>The layers of the model, their output shapes and parameters.</source>
        <translation>모델의 층과 각 층의 출력 모양, 파라미터입니다.</translation>
    </message>
    <message>
        <source>{file} · {epochs} ep (opened)</source>
        <translation>{file} · {epochs} 에포크 (열린 모델)</translation>
    </message>
    <message>
        <source>Architecture: {name}.</source>
        <translation>구조: {name}.</translation>
    </message>
    <message>
        <source>Architecture: {name} ({layers}).</source>
        <translation>구조: {name} ({layers}).</translation>
    </message>
    <message>
        <source>Evaluating on the MNIST test set…</source>
        <translation>MNIST 테스트 세트로 평가하는 중…</translation>
    </message>
    <message>
        <source>Computing the t-SNE map of the digits…</source>
        <translation>숫자들의 t-SNE 지도를 계산하는 중…</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <source>Open or train a model to look inside it.</source>
        <translation>모델을 열거나 학습하면 그 안을 들여다볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Draw a digit: each map shows where one filter of this layer responds to it.</source>
        <translation>숫자를 그려 보십시오. 맵마다 이 층의 필터 하나가 그림의 어디에 반응하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>This network has no convolutions: a multilayer perceptron reads the 784 pixels as one long list, so there are no feature maps to show. Below: the weights of its first dense layer, one 28×28 pattern per unit.</source>
        <translation>이 신경망에는 합성곱층이 없습니다. 다층 퍼셉트론은 784개 픽셀을 긴 목록 하나로 읽기 때문에 보여 줄 특성 맵이 없습니다. 아래는 첫 완전 연결층의 가중치로, 유닛마다 28×28 패턴 하나입니다.</translation>
    </message>
    <message>
        <source>The convolution layer whose feature maps are shown, with the shape of its output: height × width × number of filters.</source>
        <translation>특성 맵을 보여 줄 합성곱층과 그 출력의 모양(높이 × 너비 × 필터 수)입니다. 합성곱층은 작은 필터(커널)를 이미지 위로 옮기며 획이나 모서리 같은 무늬를 찾습니다.</translation>
    </message>
    <message>
        <source>What the maps below show.</source>
        <translation>아래 맵이 보여 주는 것입니다.</translation>
    </message>
    <message>
        <source>One small image per filter of the chosen layer: bright where the filter responds strongly to your drawing (each map scaled on its own).</source>
        <translation>고른 층의 필터마다 작은 이미지 하나입니다. 필터가 그림에 강하게 반응하는 곳이 밝습니다(맵마다 따로 정규화합니다). 특성 맵은 필터 하나가 입력의 어느 부분에 반응하는지 나타낸 그림입니다.</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>특성 맵</translation>
    </message>
    <message>
        <source>What the first layer has learned to look for: each filter&apos;s weights as a small image, bright for positive weights, dark for negative.</source>
        <translation>첫 층이 무엇을 찾도록 학습했는지 보여 줍니다. 필터마다 가중치를 작은 이미지로 나타내며, 양의 가중치는 밝게, 음의 가중치는 어둡게 그립니다.</translation>
    </message>
    <message>
        <source>Learned filters</source>
        <translation>학습한 필터</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>층(&amp;L)</translation>
    </message>
    <message>
        <source>No convolutions</source>
        <translation>합성곱층 없음</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>Learned filters of the first convolution: {count} of {size}×{size}</source>
        <translation>첫 합성곱층이 학습한 필터: {size}×{size} 필터 {count}개</translation>
    </message>
    <message>
        <source>First dense layer: {count} weight patterns of 28×28</source>
        <translation>첫 완전 연결층: 28×28 가중치 패턴 {count}개</translation>
    </message>
    <message>
        <source>This model&apos;s first layer has no weights to show as images.</source>
        <translation>이 모델의 첫 층에는 이미지로 보여 줄 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Could not compute the feature maps: {kind}: {error}</source>
        <translation>특성 맵을 계산하지 못했습니다: {kind}: {error}</translation>
    </message>
    <message>
        <source>{channels} feature maps of {height}×{width} from {layer}: bright where a filter responds to your drawing.</source>
        <translation>{layer}의 {height}×{width} 특성 맵 {channels}개: 필터가 그림에 반응하는 곳이 밝습니다.</translation>
    </message>
    <message>
        <source>Filter {number} of {count}: strongest response {strongest}, mean {mean}</source>
        <translation>필터 {number}/{count}: 가장 강한 반응 {strongest}, 평균 {mean}</translation>
    </message>
    <message>
        <source>Pattern {number} of {count}</source>
        <translation>패턴 {number}/{count}</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>The kind of this layer; changing it keeps the values the two kinds share.</source>
        <translation>이 층의 종류입니다. 바꾸어도 두 종류에 공통인 값은 유지됩니다.</translation>
    </message>
    <message>
        <source>Added by Digit Lab and never edited: every network reads a 28×28 image and answers with ten probabilities.</source>
        <translation>Digit Lab이 추가하며 편집할 수 없습니다. 모든 신경망은 28×28 이미지를 읽고 열 개의 확률로 답합니다.</translation>
    </message>
    <message>
        <source>How many feature maps the convolution makes (each a learned filter).</source>
        <translation>합성곱이 만드는 특성 맵의 수입니다(맵마다 학습된 필터 하나). 필터는 이미지에서 선이나 곡선 같은 무늬를 찾는 작은 가중치 창입니다.</translation>
    </message>
    <message>
        <source>The side of the square window each filter looks through, in pixels.</source>
        <translation>각 필터(커널)가 들여다보는 정사각형 창의 한 변 길이(픽셀)입니다.</translation>
    </message>
    <message>
        <source>How far the window moves between outputs; 2 halves the map.</source>
        <translation>출력 하나를 만들 때마다 창이 움직이는 거리(스트라이드)입니다. 2이면 맵 크기가 절반이 됩니다.</translation>
    </message>
    <message>
        <source>same: pad the edges so the map keeps its size (at stride 1); valid: no padding, the map shrinks.</source>
        <translation>same: 가장자리를 채워(패딩) 맵 크기를 유지합니다(스트라이드 1일 때). valid: 패딩 없이 맵이 줄어듭니다.</translation>
    </message>
    <message>
        <source>The function applied to each output.</source>
        <translation>각 출력에 적용하는 활성화 함수입니다. 활성화 함수는 신경망이 직선으로는 나눌 수 없는 패턴도 배우게 합니다.</translation>
    </message>
    <message>
        <source>Whether each filter or unit adds a learned constant.</source>
        <translation>각 필터나 유닛이 학습된 상수(편향)를 더할지 정합니다.</translation>
    </message>
    <message>
        <source>The side of the square window pooled into one value; the map shrinks by this factor.</source>
        <translation>값 하나로 모으는 정사각형 창의 한 변 길이입니다. 맵이 이 배수만큼 줄어듭니다. 풀링은 작은 영역을 대표값 하나로 줄여 맵을 작게 만듭니다.</translation>
    </message>
    <message>
        <source>How slowly the running mean and variance follow each batch (0.9: fast, 0.99: slow).</source>
        <translation>이동 평균과 분산이 각 배치를 얼마나 천천히 따라가는지입니다(0.9: 빠름, 0.99: 느림). 배치 정규화는 층의 출력을 고르게 맞춰 학습을 안정시킵니다.</translation>
    </message>
    <message>
        <source>The share of the inputs set to zero at random in each training step.</source>
        <translation>학습 단계마다 무작위로 0으로 만드는 입력의 비율입니다. 드롭아웃은 이렇게 일부를 꺼서 과대적합을 줄입니다.</translation>
    </message>
    <message>
        <source>How many outputs (neurons) the layer has.</source>
        <translation>이 층의 출력(뉴런) 수입니다.</translation>
    </message>
    <message>
        <source>The function applied to each value.</source>
        <translation>각 값에 적용하는 활성화 함수입니다.</translation>
    </message>
    <message>
        <source>The layer&apos;s {option}.</source>
        <translation>층의 {option} 값입니다.</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>name</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Replace the layers with a preset&apos;s or one of your architectures&apos;, to edit from there.</source>
        <translation>층을 기본 구조나 내 구조의 층으로 바꾸고, 거기서부터 편집합니다.</translation>
    </message>
    <message>
        <source>A name to keep them</source>
        <translation>저장할 이름</translation>
    </message>
    <message>
        <source>The name your architecture is kept under; it then appears in the training panel&apos;s Architecture list, also after a restart.</source>
        <translation>내 구조를 저장할 이름입니다. 저장하면 학습 패널의 구조 목록에 나타나고, 다시 시작한 뒤에도 남습니다.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Dele&amp;te</source>
        <translation>삭제(&amp;T)</translation>
    </message>
    <message>
        <source>Forget the architecture of this name (the layers stay here).</source>
        <translation>이 이름의 구조를 지웁니다(층은 여기에 그대로 남습니다).</translation>
    </message>
    <message>
        <source>What happened to your named architectures.</source>
        <translation>이름을 붙인 내 구조에 일어난 일입니다.</translation>
    </message>
    <message>
        <source>Train continues the open model, whose layers are fixed; tick “Start a new model” in the training panel, or copy them, to build another.</source>
        <translation>학습은 층이 고정된 열린 모델을 이어서 학습합니다. 다른 모델을 만들려면 학습 패널에서 “새 모델 시작”을 선택하거나 층을 복사하십시오.</translation>
    </message>
    <message>
        <source>&amp;Copy into a new architecture</source>
        <translation>새 구조로 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Edit a copy of these layers: Train then builds a new model of them.</source>
        <translation>이 층들의 복사본을 편집합니다. 그러면 학습이 이 층들로 새 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>One row per layer, from the 28×28 input to the 10 outputs the app adds: change a layer&apos;s kind and values; its output shape and parameters follow.</source>
        <translation>층마다 한 행으로, 28×28 입력부터 앱이 추가하는 10개 출력까지 보여 줍니다. 층의 종류와 값을 바꾸면 출력 모양과 파라미터 수가 따라 바뀝니다.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add a layer after the selected one: a copy of it, to change (its kind too).</source>
        <translation>선택한 층 뒤에 그 층의 복사본을 추가합니다. 추가한 층은 종류까지 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected layer.</source>
        <translation>선택한 층을 제거합니다.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected layer one place towards the input.</source>
        <translation>선택한 층을 입력 쪽으로 한 칸 옮깁니다.</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>아래로(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected layer one place towards the output.</source>
        <translation>선택한 층을 출력 쪽으로 한 칸 옮깁니다.</translation>
    </message>
    <message>
        <source>The layers, and how many numbers the network learns; or why it cannot work.</source>
        <translation>층 구성과 신경망이 학습하는 수의 개수, 또는 동작할 수 없는 이유입니다.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Close the editor: Train builds what it shows.</source>
        <translation>편집기를 닫습니다. 학습은 여기에 보이는 층으로 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>Start &amp;from:</source>
        <translation>시작점(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Edit layers</source>
        <translation>층 편집</translation>
    </message>
    <message>
        <source>Layers of {title}</source>
        <translation>{title}의 층</translation>
    </message>
    <message>
        <source>The layers of the open model, {title}: Train continues it, so they cannot change. Copy them to build a new model from them.</source>
        <translation>열린 모델 {title}의 층입니다. 학습은 이 모델을 이어서 학습하므로 층을 바꿀 수 없습니다. 이 층들로 새 모델을 만들려면 복사하십시오.</translation>
    </message>
    <message>
        <source>The open model, {title}, has layers the editor does not know (it was built elsewhere): Train can continue it, but its layers cannot be edited or copied.</source>
        <translation>열린 모델 {title}에는 편집기가 모르는 층이 있습니다(다른 곳에서 만든 모델입니다). 이어서 학습할 수는 있지만, 층을 편집하거나 복사할 수는 없습니다.</translation>
    </message>
    <message>
        <source>Only layers of the kinds the editor knows can be copied.</source>
        <translation>편집기가 아는 종류의 층만 복사할 수 있습니다.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>a 28×28 grey image</source>
        <translation>28×28 흑백 이미지</translation>
    </message>
    <message>
        <source>Output (added)</source>
        <translation>출력 (자동 추가)</translation>
    </message>
    <message>
        <source>Dense 10 · softmax: a probability per digit</source>
        <translation>Dense 10 · softmax: 숫자마다 확률 하나</translation>
    </message>
    <message>
        <source>in</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>out</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>no settings</source>
        <translation>설정 없음</translation>
    </message>
    <message>
        <source>This kind of layer has nothing to set.</source>
        <translation>이 종류의 층은 설정할 값이 없습니다.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>{name}: a Keras {type} layer.</source>
        <translation>{name}: Keras {type} 층입니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n Keras layer(s) · {parameters} parameters</source>
        <translation>
            <numerusform>Keras 층 %n개 · 파라미터 {parameters}개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) and the output · {parameters} parameters</source>
        <translation>
            <numerusform>층 %n개와 출력층 · 파라미터 {parameters}개</numerusform>
        </translation>
    </message>
    <message>
        <source>These layers cannot work. {problem}</source>
        <translation>이 층 구성은 동작할 수 없습니다. {problem}</translation>
    </message>
    <message>
        <source>The shape of what this layer outputs: height×width×maps, or a flat count.</source>
        <translation>이 층이 출력하는 모양입니다. 높이×너비×맵 수, 또는 펼친 값의 개수입니다.</translation>
    </message>
    <message>
        <source>How many numbers this layer learns (weights and biases).</source>
        <translation>이 층이 학습하는 수의 개수입니다(가중치와 편향).</translation>
    </message>
    <message>
        <source>Type a name on the left to keep these layers under it.</source>
        <translation>이 층들을 저장하려면 왼쪽에 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>These layers cannot work yet: {problem}</source>
        <translation>이 층 구성은 아직 동작할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Replace your architecture “{name}” with these layers.</source>
        <translation>내 구조 “{name}”을(를) 이 층들로 바꿉니다.</translation>
    </message>
    <message>
        <source>Keep these layers as “{name}”: it appears in the Architecture list.</source>
        <translation>이 층들을 “{name}”(으)로 저장합니다. 구조 목록에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Critical: {message}</source>
        <translation>심각한 오류: {message}</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Digit Lab (Ctrl+Q).</source>
        <translation>Digit Lab을 끝냅니다(Ctrl+Q).</translation>
    </message>
    <message>
        <source>&amp;Undo Stroke</source>
        <translation>획 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last stroke on the canvas (Ctrl+Z).</source>
        <translation>캔버스에 그린 마지막 획을 취소합니다(Ctrl+Z).</translation>
    </message>
    <message>
        <source>&amp;Clear Drawing</source>
        <translation>그림 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the canvas (Delete or Backspace).</source>
        <translation>캔버스를 지웁니다(Delete 또는 Backspace).</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>Train, or continue training, with the settings on the left.</source>
        <translation>왼쪽의 설정으로 학습하거나 학습을 이어 갑니다.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>중지(&amp;O)</translation>
    </message>
    <message>
        <source>Stop training after the current batch.</source>
        <translation>현재 배치가 끝나면 학습을 중지합니다.</translation>
    </message>
    <message>
        <source>&amp;About Digit Lab</source>
        <translation>Digit Lab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licences.</source>
        <translation>버전과 라이선스입니다.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the window (the command line stays in English).</source>
        <translation>창에 표시할 언어입니다(명령줄은 영어로 유지됩니다).</translation>
    </message>
    <message>
        <source>Whether TensorFlow has loaded, and the device it will train on.</source>
        <translation>TensorFlow를 불러왔는지, 그리고 학습에 쓸 장치를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Messages about what Digit Lab is doing.</source>
        <translation>Digit Lab이 지금 하고 있는 일에 관한 메시지입니다.</translation>
    </message>
    <message>
        <source>TensorFlow {version} ready · {device}</source>
        <translation>TensorFlow {version} 준비됨 · {device}</translation>
    </message>
    <message>
        <source>TensorFlow failed to load</source>
        <translation>TensorFlow를 불러오지 못했습니다</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow를 불러오는 중…</translation>
    </message>
    <message>
        <source>TensorFlow {version} loaded in {seconds} s.</source>
        <translation>TensorFlow {version}을(를) {seconds}초 만에 불러왔습니다.</translation>
    </message>
    <message>
        <source>TensorFlow {version} loaded in {seconds} s; devices: {devices}</source>
        <translation>TensorFlow {version}을(를) {seconds}초 만에 불러왔습니다. 장치: {devices}</translation>
    </message>
    <message>
        <source>TensorFlow {version} loaded in {seconds} s; devices: {devices}. {why_no_gpu}</source>
        <translation>TensorFlow {version}을(를) {seconds}초 만에 불러왔습니다. 장치: {devices}. {why_no_gpu}</translation>
    </message>
    <message>
        <source>What to do: reinstall Digit Lab ({command}). Drawing works, but training and opening models need TensorFlow.</source>
        <translation>해결 방법: Digit Lab을 다시 설치하십시오({command}). 그림 그리기는 되지만, 학습과 모델 열기에는 TensorFlow가 필요합니다.</translation>
    </message>
    <message>
        <source>Unsaved model</source>
        <translation>저장하지 않은 모델</translation>
    </message>
    <message>
        <source>The model “{model}” has training that is not saved. Save it first?</source>
        <translation>모델 “{model}”에 저장하지 않은 학습 결과가 있습니다. 먼저 저장하시겠습니까?</translation>
    </message>
    <message>
        <source>Training is running. Stop it and close Digit Lab? A model being trained keeps the epochs it has finished, and you are asked about saving it next.</source>
        <translation>학습이 진행 중입니다. 학습을 중지하고 Digit Lab을 닫으시겠습니까? 학습 중인 모델은 마친 에포크까지의 학습 결과를 유지하며, 이어서 저장할지 묻습니다.</translation>
    </message>
    <message>
        <source>An export is running. Stop it and close Digit Lab? A model being trained keeps the epochs it has finished, and you are asked about saving it next.</source>
        <translation>내보내기가 진행 중입니다. 내보내기를 중지하고 Digit Lab을 닫으시겠습니까? 학습 중인 모델은 마친 에포크까지의 학습 결과를 유지하며, 이어서 저장할지 묻습니다.</translation>
    </message>
    <message>
        <source>Stop and close?</source>
        <translation>중지하고 닫으시겠습니까?</translation>
    </message>
    <message>
        <source>Closing: stopping the training first.</source>
        <translation>닫는 중: 먼저 학습을 중지합니다.</translation>
    </message>
    <message>
        <source>TensorFlow not loaded yet.</source>
        <translation>TensorFlow를 아직 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>Train a convolutional network on handwritten digits, watch it learn, and draw digits it reads live.</source>
        <translation>손글씨 숫자로 합성곱 신경망을 학습시키고, 학습하는 모습을 지켜보고, 직접 그린 숫자를 신경망이 바로 읽는 것을 확인해 보십시오.</translation>
    </message>
    <message>
        <source>The MNIST data set is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0).</source>
        <translation>MNIST 데이터 세트는 얀 르쿤, 코리나 코르테스, 크리스토퍼 J. C. 버지스가 만들었습니다(CC BY-SA 3.0).</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} 정보</translation>
    </message>
</context>
<context>
    <name>MeasureWorker</name>
    <message>
        <source>Measuring</source>
        <translation>측정</translation>
    </message>
</context>
<context>
    <name>MetricPlot</name>
    <message>
        <source>{metric} per batch (smoothed) and per epoch, on the training and the validation images. Drag to pan, scroll to zoom, right-click to show everything or save the plot.</source>
        <translation>학습 이미지와 검증 이미지에서 잰 {metric}입니다. 배치마다(평활화)와 에포크마다 표시합니다. 끌어서 이동하고, 스크롤로 확대/축소하며, 오른쪽 클릭으로 전체 보기나 그래프 저장을 고를 수 있습니다. 검증 이미지는 학습에 쓰지 않고 따로 떼어 둔 이미지로, 처음 보는 숫자를 얼마나 잘 읽는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>The {metric} curves read at the epoch under the mouse.</source>
        <translation>마우스가 가리키는 에포크에서 읽은 {metric} 곡선의 값입니다.</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <source>batch {value}</source>
        <translation>배치 {value}</translation>
    </message>
    <message>
        <source>train {value}</source>
        <translation>학습 {value}</translation>
    </message>
    <message>
        <source>validation {value}</source>
        <translation>검증 {value}</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG로 저장…</translation>
    </message>
    <message>
        <source>Save the plot</source>
        <translation>그래프 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the plot</source>
        <translation>그래프를 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>{path} could not be written: the folder may be read-only or the disk full.</source>
        <translation>{path}에 쓸 수 없습니다. 폴더가 읽기 전용이거나 디스크가 가득 찼을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ModelOpener</name>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation>{path}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Opening the model</source>
        <translation>모델 열기</translation>
    </message>
</context>
<context>
    <name>ModelSession</name>
    <message>
        <source>Ready-made model</source>
        <translation>미리 학습된 모델</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>custom layers</source>
        <translation>직접 만든 층</translation>
    </message>
    <message>
        <source>Keras model</source>
        <translation>Keras 모델</translation>
    </message>
    <message>
        <source>“{model}” ({architecture}, 1 epoch so far)</source>
        <translation>“{model}” ({architecture}, 지금까지 1 에포크)</translation>
    </message>
    <message numerus="yes">
        <source>“{model}” ({architecture}, %n epochs so far)</source>
        <translation>
            <numerusform>“{model}” ({architecture}, 지금까지 %n 에포크)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s)</source>
        <translation>
            <numerusform>모델: {model} · %n 에포크</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s) · validation accuracy {accuracy}</source>
        <translation>
            <numerusform>모델: {model} · %n 에포크 · 검증 정확도 {accuracy}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Model: {model} · %n epoch(s) · training accuracy {accuracy}</source>
        <translation>
            <numerusform>모델: {model} · %n 에포크 · 학습 정확도 {accuracy}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelSummaryView</name>
    <message>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>The model the canvas reads with: the open model, or the one being trained.</source>
        <translation>캔버스의 그림을 읽는 모델입니다. 열어 둔 모델이거나 학습 중인 모델입니다.</translation>
    </message>
    <message>
        <source>The architecture the model was built from: its name and its layers as the layer editor and `digit-lab train --layers` write them (the output Dense 10 is added to every network).</source>
        <translation>모델을 만든 구조입니다. 층 편집기와 `digit-lab train --layers`가 쓰는 형식으로 이름과 층을 보여 줍니다(출력층 Dense 10은 모든 신경망에 덧붙습니다).</translation>
    </message>
    <message>
        <source>Each layer of the network, the shape of what it outputs (None: any number of images), and how many numbers it learns.</source>
        <translation>신경망의 각 층, 그 출력의 모양(None: 이미지 수는 몇 개든 됨), 그리고 학습하는 숫자(파라미터)의 개수입니다.</translation>
    </message>
    <message>
        <source>Trainable parameters change in training; non-trainable ones (batch normalisation&apos;s running statistics) are measured, not learned.</source>
        <translation>학습 가능한 파라미터는 학습하면서 바뀝니다. 학습 불가 파라미터(배치 정규화의 이동 통계)는 학습하지 않고 측정합니다. 배치 정규화는 층의 출력을 배치마다 평균 0, 분산 1 근처로 맞춰 학습을 안정시키는 층입니다.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the summary as text, laid out like Keras&apos; model.summary().</source>
        <translation>요약을 Keras의 model.summary()와 같은 모양의 텍스트로 복사합니다.</translation>
    </message>
    <message>
        <source>Architecture: {architecture}</source>
        <translation>구조: {architecture}</translation>
    </message>
    <message>
        <source>{name} (layers Digit Lab does not describe)</source>
        <translation>{name} (Digit Lab이 설명하지 않는 층)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Open or train a model to see its layers.</source>
        <translation>모델을 열거나 학습하면 그 층을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not list the layers: {kind}: {error}</source>
        <translation>층을 나열하지 못했습니다: {kind}: {error}</translation>
    </message>
    <message>
        <source>Model “{name}”: {count} layers</source>
        <translation>모델 “{name}”: 층 {count}개</translation>
    </message>
    <message>
        <source>Total parameters: {total} · trainable {trainable} · non-trainable {non_trainable}</source>
        <translation>전체 파라미터: {total} · 학습 가능 {trainable} · 학습 불가 {non_trainable}</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
</context>
<context>
    <name>NetworkInputView</name>
    <message>
        <source>Network input, 28 by 28 pixels</source>
        <translation>신경망 입력, 28×28 픽셀</translation>
    </message>
    <message>
        <source>The 28×28 image the network reads: your drawing cropped, scaled to 20 pixels and centred by its centre of mass, the way MNIST was made.</source>
        <translation>신경망이 읽는 28×28 이미지입니다. 그림을 잘라 20픽셀 크기로 줄이고, 무게 중심이 가운데 오도록 옮겼습니다. MNIST를 만든 방식과 같습니다.</translation>
    </message>
</context>
<context>
    <name>PerClassChart</name>
    <message>
        <source>The share of each digit&apos;s test images the network reads correctly.</source>
        <translation>숫자마다 테스트 이미지를 신경망이 맞게 읽은 비율입니다.</translation>
    </message>
    <message>
        <source>Accuracy per digit (%)</source>
        <translation>숫자별 정확도 (%)</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Train a model (Train button on the left) or open one (File ▸ Open) to start reading your digits.</source>
        <translation>모델을 학습하거나(왼쪽의 학습 버튼) 열면(파일 ▸ 열기) 그린 숫자를 읽기 시작합니다.</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자를 그려 보세요</translation>
    </message>
    <message>
        <source>These look like several separate marks, not one digit</source>
        <translation>숫자 하나가 아니라 따로 떨어진 여러 표시처럼 보입니다</translation>
    </message>
    <message>
        <source>That doesn&apos;t look like a digit</source>
        <translation>숫자가 아닌 것 같습니다</translation>
    </message>
    <message>
        <source>The network reads</source>
        <translation>신경망이 읽은 숫자</translation>
    </message>
    <message>
        <source>The answer of the open model, or of the model being trained (its last finished epoch).</source>
        <translation>열린 모델, 또는 학습 중인 모델(마지막으로 끝난 에포크)의 답입니다.</translation>
    </message>
    <message>
        <source>The most probable digit and the probability the network gives it.</source>
        <translation>확률이 가장 높은 숫자와, 신경망이 그 숫자에 준 확률입니다.</translation>
    </message>
    <message>
        <source>Top answer</source>
        <translation>가장 유력한 답</translation>
    </message>
    <message>
        <source>What the panel makes of the drawing.</source>
        <translation>이 패널이 그림을 어떻게 판단했는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Prediction status</source>
        <translation>예측 상태</translation>
    </message>
    <message>
        <source>What the network sees:
your drawing as a 28×28 image, centred the way MNIST digits are.</source>
        <translation>신경망이 보는 것:
MNIST 숫자처럼 가운데로 맞춘 28×28 이미지로 바꾼 그림입니다.</translation>
    </message>
    <message>
        <source>Which weights answer: the open model, or the last finished epoch while training.</source>
        <translation>어떤 가중치가 답하는지 보여 줍니다: 열린 모델, 또는 학습 중에는 마지막으로 끝난 에포크의 가중치입니다.</translation>
    </message>
    <message>
        <source>The model could not read the drawing: {error}</source>
        <translation>모델이 그림을 읽지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Not sure: {digit} or {runner_up}?</source>
        <translation>확실하지 않음: {digit} 또는 {runner_up}?</translation>
    </message>
    <message>
        <source>Looks like an {digit}.</source>
        <translation>{digit}처럼 보입니다.</translation>
    </message>
    <message>
        <source>Looks like a {digit}.</source>
        <translation>{digit}처럼 보입니다.</translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation>{value}%</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>The probability the network gives each digit; the tallest bar is its answer.</source>
        <translation>신경망이 각 숫자에 준 확률입니다. 가장 높은 막대가 신경망의 답입니다.</translation>
    </message>
    <message>
        <source>Probabilities per digit</source>
        <translation>숫자별 확률</translation>
    </message>
</context>
<context>
    <name>TensorFlowLoader</name>
    <message>
        <source>Loading TensorFlow</source>
        <translation>TensorFlow 불러오기</translation>
    </message>
</context>
<context>
    <name>TimelapseBar</name>
    <message>
        <source>Play the time-lapse of the last run from its start: the drawing is read by the network as it was at each moment.</source>
        <translation>마지막 학습의 타임랩스를 처음부터 재생합니다. 각 순간의 신경망이 그림을 읽습니다.</translation>
    </message>
    <message>
        <source>Play the time-lapse</source>
        <translation>타임랩스 재생</translation>
    </message>
    <message>
        <source>Training time-lapse</source>
        <translation>학습 타임랩스</translation>
    </message>
    <message>
        <source>Drag back through the last run: the prediction, the feature maps, the filters and the saliency show the network as it was then. The right end is live.</source>
        <translation>마지막 학습을 거슬러 드래그합니다. 예측, 특성 맵, 필터, 중요도 맵이 그 시점의 신경망을 보여 줍니다. 오른쪽 끝은 지금의 신경망입니다.</translation>
    </message>
    <message>
        <source>The moment of the run the window shows.</source>
        <translation>창이 보여 주는 학습 시점입니다.</translation>
    </message>
    <message>
        <source>Time-lapse:</source>
        <translation>타임랩스:</translation>
    </message>
    <message>
        <source>no snapshots yet: train to record one</source>
        <translation>아직 스냅숏이 없습니다. 학습하면 기록됩니다</translation>
    </message>
    <message>
        <source>Live: the network as it is now</source>
        <translation>실시간: 지금의 신경망</translation>
    </message>
</context>
<context>
    <name>TrainConfig</name>
    <message>
        <source>Adaptive moments: a good choice without tuning.</source>
        <translation>적응형 모멘트 추정: 따로 조정하지 않아도 잘 동작하는 선택입니다.</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>모멘텀 SGD</translation>
    </message>
    <message>
        <source>Stochastic gradient descent with Nesterov momentum 0.9.</source>
        <translation>네스테로프 모멘텀 0.9를 쓰는 확률적 경사 하강법입니다.</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>model.fit: Keras runs the epochs, batches and callbacks.</source>
        <translation>Keras의 fit이 에포크, 배치, 콜백을 실행합니다.</translation>
    </message>
    <message>
        <source>GradientTape loop</source>
        <translation>GradientTape 루프</translation>
    </message>
    <message>
        <source>A hand-written loop: a tf.function step with tf.GradientTape and optimizer.apply_gradients, driving the same callbacks.</source>
        <translation>직접 작성한 학습 루프: GradientTape로 기울기를 구하고 옵티마이저로 가중치를 갱신하는 단계를 돌리며, 같은 콜백을 호출합니다.</translation>
    </message>
    <message>
        <source>Half cosine, per epoch</source>
        <translation>에포크마다 반 코사인</translation>
    </message>
    <message>
        <source>The rate is set at each epoch&apos;s start, falling along a half cosine over the run&apos;s epochs.</source>
        <translation>학습률을 에포크가 시작할 때마다 정하며, 전체 에포크에 걸쳐 반 코사인 곡선을 따라 줄어듭니다.</translation>
    </message>
    <message>
        <source>Warm-up, then a half cosine per batch</source>
        <translation>워밍업 후 배치마다 반 코사인</translation>
    </message>
    <message>
        <source>The rate climbs from nearly 0 over the first tenth of the run&apos;s batches, then falls along a half cosine to 0, batch by batch: what a run of one or two epochs needs.</source>
        <translation>학습률이 처음 10%의 배치 동안 거의 0에서 올라간 뒤, 배치마다 반 코사인 곡선을 따라 0까지 내려갑니다. 1~2 에포크짜리 학습에 알맞습니다.</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>이미지(&amp;I)</translation>
    </message>
    <message>
        <source>The images to train on: the embedded MNIST, a folder of MNIST IDX files, or a folder with sub-folders 0–9 of digit images.</source>
        <translation>학습할 이미지: 내장 MNIST, MNIST IDX 파일이 든 폴더, 또는 0–9 하위 폴더에 숫자 이미지가 든 폴더입니다.</translation>
    </message>
    <message>
        <source>&amp;Limit</source>
        <translation>개수 제한(&amp;L)</translation>
    </message>
    <message>
        <source> images</source>
        <translation>장</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Train on only the first N images (quick experiments); All uses the whole training set. The validation images come out of these.</source>
        <translation>처음 N장의 이미지로만 학습합니다(빠른 실험용). ‘전체’는 학습 세트를 모두 씁니다. 검증 이미지도 이 안에서 떼어 냅니다.</translation>
    </message>
    <message>
        <source>&amp;Architecture</source>
        <translation>모델 구조(&amp;A)</translation>
    </message>
    <message>
        <source>The network architecture of a new model. A model that is already trained keeps its own architecture.</source>
        <translation>새 모델의 신경망 구조입니다. 이미 학습된 모델은 자기 구조를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>&amp;Quick recipe: a good model in seconds</source>
        <translation>빠른 레시피(&amp;Q): 몇 초 만에 좋은 모델</translation>
    </message>
    <message>
        <source>One epoch on all training images (no validation split), dropout off, at a rate that warms up and then falls to 0 within the epoch: about 99.1 % on the MNIST test set in about a quarter of a standard run&apos;s time (the standard run reads thick, slanted drawings better). The quick values replace the settings below that are at their standard values (epochs, learning rate, validation); a setting you changed keeps your value.</source>
        <translation>모든 학습 이미지로 1 에포크(검증 데이터 없음), 드롭아웃은 끄고, 학습률은 서서히 올랐다가 그 에포크 안에서 0까지 내려갑니다. 표준 학습의 약 4분의 1 시간에 MNIST 테스트 세트에서 약 99.1%에 이릅니다(두껍거나 기울어진 그림은 표준 학습이 더 잘 읽습니다). 아래 설정 중 표준값 그대로인 것(에포크, 학습률, 검증 비율)만 빠른 레시피의 값으로 바뀌며, 직접 바꾼 설정은 그 값을 유지합니다.</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>에포크(&amp;E)</translation>
    </message>
    <message>
        <source>How many passes over the training images this run makes. Continuing a model adds this many epochs.</source>
        <translation>이번 학습에서 학습 이미지 전체를 몇 번 훑을지 정합니다. 에포크는 학습 데이터를 한 번 모두 훑는 단위입니다. 모델을 이어서 학습하면 이만큼의 에포크가 더해집니다.</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>배치 크기(&amp;B)</translation>
    </message>
    <message>
        <source>Images per gradient step; the arrows double and halve it. Larger batches run faster per image, smaller ones learn more per epoch.</source>
        <translation>한 번의 경사 단계에 쓰는 이미지 수입니다. 화살표를 누르면 두 배 또는 절반이 됩니다. 배치가 크면 이미지당 더 빨리 돌고, 작으면 에포크마다 더 많이 배웁니다.</translation>
    </message>
    <message>
        <source>Learning &amp;rate</source>
        <translation>학습률(&amp;R)</translation>
    </message>
    <message>
        <source>The step size of the optimizer; the arrows double and halve it. It falls along a half cosine over the run.</source>
        <translation>옵티마이저가 한 번에 가중치를 고치는 크기입니다. 화살표를 누르면 두 배 또는 절반이 됩니다. 학습이 진행되면서 반 코사인 곡선을 따라 줄어듭니다.</translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation>옵티마이저(&amp;O)</translation>
    </message>
    <message>
        <source>How the weights follow the gradient: Adam, or SGD with momentum.</source>
        <translation>가중치가 기울기를 따라 움직이는 방식: Adam, 또는 모멘텀을 쓰는 SGD입니다. 옵티마이저는 손실을 줄이도록 가중치를 고치는 방법입니다.</translation>
    </message>
    <message>
        <source>&amp;Validation</source>
        <translation>검증 비율(&amp;V)</translation>
    </message>
    <message>
        <source>The share of the training images held back to measure the model on images it did not learn from (the validation curves).</source>
        <translation>학습 이미지 중 학습에 쓰지 않고 떼어 두는 비율입니다. 검증 데이터는 모델이 배우지 않은 이미지에서 얼마나 잘하는지 재는 데 쓰이며, 검증 곡선이 여기서 나옵니다.</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>장치(&amp;D)</translation>
    </message>
    <message>
        <source>Where the training runs: the CPU or a GPU that TensorFlow sees.</source>
        <translation>학습을 실행할 장치: CPU, 또는 TensorFlow가 찾은 GPU입니다.</translation>
    </message>
    <message>
        <source>Augment images</source>
        <translation>이미지 증강</translation>
    </message>
    <message>
        <source>Shift, rotate, scale and thicken the training images a little each epoch, like real handwriting varies: better on your drawings, slower to learn.</source>
        <translation>실제 손글씨가 조금씩 다르듯, 에포크마다 학습 이미지를 조금씩 옮기고 돌리고 크기를 바꾸고 두껍게 합니다(데이터 증강). 내 그림을 더 잘 읽지만 학습은 느려집니다.</translation>
    </message>
    <message>
        <source>Early sto&amp;p</source>
        <translation>조기 종료(&amp;P)</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Stop early when the watched figure has not improved for this many epochs; Off trains all epochs.</source>
        <translation>지켜보는 값이 이만큼의 에포크 동안 나아지지 않으면 학습을 일찍 멈춥니다(조기 종료). 과대적합을 막는 데 도움이 됩니다. ‘끔’이면 모든 에포크를 학습합니다.</translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation>지켜볼 값(&amp;W)</translation>
    </message>
    <message>
        <source>The figure early stopping and “Keep the best epoch” watch: the loss or the accuracy on the validation images.</source>
        <translation>조기 종료와 ‘가장 좋은 에포크 유지’가 지켜보는 값: 검증 이미지에서의 손실 또는 정확도입니다.</translation>
    </message>
    <message>
        <source>Keep the best epoch</source>
        <translation>가장 좋은 에포크 유지</translation>
    </message>
    <message>
        <source>End the run with the weights of the epoch with the best watched figure, not those of the last epoch. Needs a validation split.</source>
        <translation>마지막 에포크가 아니라 지켜보는 값이 가장 좋았던 에포크의 가중치로 학습을 마칩니다. 검증 비율이 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>Chec&amp;kpoint</source>
        <translation>체크포인트(&amp;K)</translation>
    </message>
    <message>
        <source>Also save the best model of the run (lowest validation loss) to this .keras file after each better epoch; empty: no checkpoint file.</source>
        <translation>실행 중 가장 좋은 모델(검증 손실이 가장 낮은 모델)을 더 나은 에포크가 끝날 때마다 이 .keras 파일에 저장합니다. 비워 두면 체크포인트 파일을 만들지 않습니다. 체크포인트는 학습 도중의 모델을 저장해 둔 것입니다.</translation>
    </message>
    <message>
        <source>Tensor&amp;Board</source>
        <translation>TensorBoard(&amp;B)</translation>
    </message>
    <message>
        <source>Write TensorBoard logs of each run into this folder, to view with tensorboard --logdir; empty: no logs.</source>
        <translation>실행마다 TensorBoard 로그를 이 폴더에 씁니다. TensorBoard로 열어 볼 수 있습니다. 비워 두면 로그를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Training loo&amp;p</source>
        <translation>학습 루프(&amp;P)</translation>
    </message>
    <message>
        <source>How the training steps run: Keras&apos; fit, or a hand-written GradientTape loop; both learn the same way and report alike.</source>
        <translation>학습 단계를 실행하는 방식: Keras의 fit, 또는 직접 작성한 GradientTape 루프입니다. 둘 다 같은 방식으로 학습하고 같은 방식으로 진행 상황을 알립니다.</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Weights after epoch {epoch} · training…</source>
        <translation>에포크 {epoch} 이후의 가중치 · 학습 중…</translation>
    </message>
    <message>
        <source>Untrained weights: the first epoch is running…</source>
        <translation>학습 전 가중치: 첫 에포크를 학습하는 중…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Choose the data, the architecture and the hyper-parameters, then train.</source>
        <translation>데이터, 모델 구조, 하이퍼파라미터를 고른 뒤 학습합니다.</translation>
    </message>
    <message>
        <source>Training curves and log</source>
        <translation>학습 곡선과 로그</translation>
    </message>
    <message>
        <source>Loss and accuracy per batch and per epoch, and the training log.</source>
        <translation>배치별·에포크별 손실과 정확도, 그리고 학습 로그입니다.</translation>
    </message>
    <message>
        <source>“{name}” ({architecture})</source>
        <translation>“{name}” ({architecture})</translation>
    </message>
    <message>
        <source>Cannot train</source>
        <translation>학습할 수 없습니다</translation>
    </message>
    <message>
        <source>{problem}.

What to do: change the setting on the left (or the layers, with Edit layers…) and press Train again.</source>
        <translation>{problem}.

해결 방법: 왼쪽의 설정(또는 ‘층 편집…’으로 층)을 바꾼 뒤 학습을 다시 누르십시오.</translation>
    </message>
    <message>
        <source>your layers</source>
        <translation>내 층 구성</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message numerus="yes">
        <source>Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data} (first {limit} images).</source>
        <translation>
            <numerusform>%n 에포크 학습: 배치 크기 {batch}, {optimizer} 학습률 {rate}, 검증 비율 {validation}, 데이터 증강 {augmentation}, 데이터 {data} (처음 {limit}개 이미지).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training %n epoch(s): batch {batch}, {optimizer} at {rate}, validation {validation}, augmentation {augmentation}, data {data}.</source>
        <translation>
            <numerusform>%n 에포크 학습: 배치 크기 {batch}, {optimizer} 학습률 {rate}, 검증 비율 {validation}, 데이터 증강 {augmentation}, 데이터 {data}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quick recipe: {run}</source>
        <translation>빠른 레시피: {run}</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>Stop requested: training ends after the current batch.</source>
        <translation>중지 요청: 현재 배치가 끝나면 학습을 멈춥니다.</translation>
    </message>
    <message>
        <source>New model: {title} ({layers}).</source>
        <translation>새 모델: {title} ({layers}).</translation>
    </message>
    <message>
        <source>New model: {title}.</source>
        <translation>새 모델: {title}.</translation>
    </message>
    <message>
        <source>{train} training and {validation} validation images, {steps} batches per epoch, on {device}.</source>
        <translation>학습 이미지 {train}개, 검증 이미지 {validation}개, 에포크당 배치 {steps}개, 장치 {device}.</translation>
    </message>
    <message>
        <source>Time-lapse: {moment}</source>
        <translation>타임랩스: {moment}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}: {metrics} · {seconds} s (stopped within the epoch)</source>
        <translation>에포크 {epoch}/{epochs}: {metrics} · {seconds} s (에포크 도중에 중지됨)</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}: {metrics} · {seconds} s</source>
        <translation>에포크 {epoch}/{epochs}: {metrics} · {seconds} s</translation>
    </message>
    <message>
        <source>Training failed: {reason}</source>
        <translation>학습 실패: {reason}</translation>
    </message>
    <message>
        <source>TensorBoard logs are in {folder}: run {command}</source>
        <translation>TensorBoard 로그 위치: {folder} · 여는 명령: {command}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>{reason}

What to do: check the data set and the settings on the left, then press Train again. The model keeps the epochs it had finished.</source>
        <translation>{reason}

해결 방법: 데이터 세트와 왼쪽의 설정을 확인한 뒤 학습을 다시 누르십시오. 모델은 이미 마친 에포크를 그대로 유지합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingLog</name>
    <message>
        <source>Each epoch&apos;s loss and accuracy appear here while a model trains.</source>
        <translation>모델이 학습하는 동안 에포크마다 손실과 정확도가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>The training log: each epoch&apos;s figures and the messages of the training engine.</source>
        <translation>학습 로그: 에포크마다의 수치와 학습 엔진의 메시지가 기록됩니다.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>What the chosen architecture is.</source>
        <translation>선택한 구조에 대한 설명입니다.</translation>
    </message>
    <message>
        <source>Parameters: –</source>
        <translation>파라미터: –</translation>
    </message>
    <message>
        <source>How many numbers the network learns (weights and biases).</source>
        <translation>신경망이 학습하는 수(가중치와 편향)의 개수입니다.</translation>
    </message>
    <message>
        <source>Edit layers…</source>
        <translation>층 편집…</translation>
    </message>
    <message>
        <source>Add, remove, reorder and change the layers of the chosen architecture, with every output shape and parameter count; name and keep your own.</source>
        <translation>선택한 구조의 층을 추가, 삭제, 재배치하고 바꿉니다. 층마다 출력 모양과 파라미터 수가 보이며, 직접 만든 구조에 이름을 붙여 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>Start a new model</source>
        <translation>새 모델로 시작</translation>
    </message>
    <message>
        <source>Train a fresh network of the chosen architecture instead of continuing the open model.</source>
        <translation>열린 모델을 이어서 학습하지 않고, 선택한 구조로 새 신경망을 학습합니다.</translation>
    </message>
    <message>
        <source>Train builds a new model.</source>
        <translation>학습을 누르면 새 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>What pressing Train will do.</source>
        <translation>학습을 누르면 일어날 일입니다.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow to load…</source>
        <translation>TensorFlow를 불러오는 중…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop after the current batch; the model keeps what it has learned.</source>
        <translation>지금 배치가 끝나면 멈춥니다. 모델은 그때까지 학습한 것을 유지합니다.</translation>
    </message>
    <message>
        <source>Progress of this training run.</source>
        <translation>이번 학습 실행의 진행률입니다.</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>학습할 준비가 되었습니다.</translation>
    </message>
    <message>
        <source>Epoch, batch, time so far and the estimated time left.</source>
        <translation>에포크, 배치, 지금까지 걸린 시간과 예상 남은 시간입니다. 에포크는 학습 데이터를 한 번 모두 훑는 것이고, 배치는 한 번에 함께 계산하는 이미지 묶음입니다.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Stopping, checkpoints and logs</source>
        <translation>조기 종료, 체크포인트, 로그</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Embedded MNIST</source>
        <translation>내장 MNIST</translation>
    </message>
    <message>
        <source>The MNIST training set shipped with Digit Lab: 60 000 handwritten digits.</source>
        <translation>Digit Lab에 들어 있는 MNIST 학습 세트입니다. 손글씨 숫자 60 000개가 들어 있습니다.</translation>
    </message>
    <message>
        <source>Folder or IDX files…</source>
        <translation>폴더 또는 IDX 파일…</translation>
    </message>
    <message>
        <source>Choose a folder holding the four MNIST IDX files (gzipped or not), or a folder with one sub-folder of images per digit, 0 to 9.</source>
        <translation>MNIST IDX 파일 네 개가 든 폴더(gzip 압축 여부는 상관없음)나, 0부터 9까지 숫자마다 이미지 하위 폴더가 하나씩 있는 폴더를 고릅니다.</translation>
    </message>
    <message>
        <source>Edit layers… designs your own.</source>
        <translation>층 편집…에서 직접 구조를 설계할 수 있습니다.</translation>
    </message>
    <message>
        <source>Detecting devices…</source>
        <translation>장치를 찾는 중…</translation>
    </message>
    <message>
        <source>Choose the checkpoint file.</source>
        <translation>체크포인트 파일을 고릅니다.</translation>
    </message>
    <message>
        <source>Choose the TensorBoard log folder.</source>
        <translation>TensorBoard 로그 폴더를 고릅니다.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>Train on {device}.</source>
        <translation>{device}에서 학습합니다.</translation>
    </message>
    <message>
        <source>GPU (none found)</source>
        <translation>GPU (찾지 못함)</translation>
    </message>
    <message>
        <source>Where the training runs. No GPU: {reason}</source>
        <translation>학습이 실행되는 장치입니다. GPU 없음: {reason}</translation>
    </message>
    <message>
        <source>A copy of the open model&apos;s layers: change them, name them to keep them, and Train builds a new model of them.</source>
        <translation>열린 모델의 층을 복사했습니다. 층을 바꾸고 이름을 붙여 보관할 수 있으며, 학습을 누르면 이 층으로 새 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>Preparing the data and the model…</source>
        <translation>데이터와 모델을 준비하는 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>이 배치가 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <source>Epoch 1/{epochs} · {training} training and {validation} validation images on {device}</source>
        <translation>에포크 1/{epochs} · {device}에서 학습 이미지 {training}개, 검증 이미지 {validation}개</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {elapsed} elapsed</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps} · 경과 시간 {elapsed}</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {step}/{steps} · {elapsed} elapsed · ETA {left}</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {step}/{steps} · 경과 시간 {elapsed} · 남은 시간 약 {left}</translation>
    </message>
    <message>
        <source>{reason} in {elapsed}.</source>
        <translation>{reason}. 걸린 시간 {elapsed}.</translation>
    </message>
    <message>
        <source>{reason}, after {elapsed}.</source>
        <translation>{reason}. 경과 시간 {elapsed}.</translation>
    </message>
    <message>
        <source>Training failed; see the log.</source>
        <translation>학습에 실패했습니다. 로그를 확인하십시오.</translation>
    </message>
    <message>
        <source>Keep the best model of each run in</source>
        <translation>실행마다 가장 좋은 모델을 저장할 파일</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>Write TensorBoard logs into</source>
        <translation>TensorBoard 로그를 쓸 폴더</translation>
    </message>
    <message>
        <source>Choose a folder of MNIST IDX files or of digit images in sub-folders 0–9</source>
        <translation>MNIST IDX 파일 폴더나, 하위 폴더 0–9에 숫자 이미지가 든 폴더 선택</translation>
    </message>
    <message>
        <source>Your architecture: {layers}</source>
        <translation>내 구조: {layers}</translation>
    </message>
    <message>
        <source>Your layers</source>
        <translation>내 층</translation>
    </message>
    <message>
        <source>The layers you edited, not saved under a name: {layers}</source>
        <translation>편집했지만 이름을 붙여 저장하지 않은 층: {layers}</translation>
    </message>
    <message>
        <source>Your layers, not saved under a name: {layers}</source>
        <translation>이름을 붙여 저장하지 않은 내 층: {layers}</translation>
    </message>
    <message>
        <source>The layers: {layers} (and the output Dense 10 softmax).</source>
        <translation>층: {layers} (그리고 출력층 Dense 10 softmax).</translation>
    </message>
    <message>
        <source>Parameters: {count}</source>
        <translation>파라미터: {count}개</translation>
    </message>
    <message>
        <source>Parameters: – (these layers cannot work)</source>
        <translation>파라미터: – (이 층으로는 동작할 수 없음)</translation>
    </message>
    <message>
        <source>“{name}” is the name of a preset: choose another name.</source>
        <translation>“{name}”은(는) 기본 구조의 이름입니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>먼저 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>Replaced your architecture “{name}”.</source>
        <translation>내 구조 “{name}”을(를) 새 층으로 바꿨습니다.</translation>
    </message>
    <message>
        <source>Kept as “{name}”: it is in the Architecture list now, also after a restart.</source>
        <translation>“{name}”(으)로 보관했습니다. 이제 구조 목록에 있으며, 다시 시작한 뒤에도 남아 있습니다.</translation>
    </message>
    <message>
        <source>Forgot your architecture “{name}”.</source>
        <translation>내 구조 “{name}”을(를) 지웠습니다.</translation>
    </message>
    <message>
        <source>Training {model}.</source>
        <translation>{model}을(를) 학습하는 중입니다.</translation>
    </message>
    <message>
        <source>Training the open model.</source>
        <translation>열린 모델을 학습하는 중입니다.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Train continues {model}.</source>
        <translation>학습을 누르면 {model}을(를) 이어서 학습합니다.</translation>
    </message>
    <message>
        <source>Train continues the open model.</source>
        <translation>학습을 누르면 열린 모델을 이어서 학습합니다.</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <source>Train builds a new {title}.</source>
        <translation>학습을 누르면 새 {title} 모델을 만듭니다.</translation>
    </message>
    <message>
        <source>Train builds a new network of your layers.</source>
        <translation>학습을 누르면 내 층으로 새 신경망을 만듭니다.</translation>
    </message>
    <message>
        <source>Train builds a new “{name}” network.</source>
        <translation>학습을 누르면 새 “{name}” 신경망을 만듭니다.</translation>
    </message>
    <message>
        <source>These layers cannot work: {problem} Change them with Edit layers…</source>
        <translation>이 층으로는 동작할 수 없습니다: {problem} 층 편집…에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Continue training the open model for the chosen number of epochs (its optimizer state is kept).</source>
        <translation>열린 모델을 정한 에포크 수만큼 이어서 학습합니다(옵티마이저 상태는 그대로 유지됩니다).</translation>
    </message>
    <message>
        <source>Build a new model of the chosen architecture and train it.</source>
        <translation>선택한 구조로 새 모델을 만들어 학습합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>Per batch: the running loss and accuracy of the training batches, smoothed. Per epoch: the figures at the end of each epoch, on the training images and on the held-back validation images.</source>
        <translation>배치별: 학습 배치의 손실과 정확도를 평활화한 값입니다. 에포크별: 각 에포크가 끝났을 때 학습 이미지와, 학습에 쓰지 않고 떼어 둔 검증 이미지에서 잰 값입니다.</translation>
    </message>
    <message>
        <source>train, per batch (smoothed)</source>
        <translation>학습, 배치별 (평활화)</translation>
    </message>
    <message>
        <source>train, per epoch</source>
        <translation>학습, 에포크별</translation>
    </message>
    <message>
        <source>validation, per epoch</source>
        <translation>검증, 에포크별</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Building the network of your layers</source>
        <translation>직접 만든 층으로 신경망 만들기</translation>
    </message>
    <message>
        <source>Building the {preset}</source>
        <translation>{preset} 만들기</translation>
    </message>
</context>
<context>
    <name>architecture</name>
    <message>
        <source>Convolution</source>
        <translation>합성곱</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>최대 풀링</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>평균 풀링</translation>
    </message>
    <message>
        <source>Batch normalisation</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>펼치기</translation>
    </message>
    <message>
        <source>Global average pooling</source>
        <translation>전역 평균 풀링</translation>
    </message>
    <message>
        <source>Dense (fully connected)</source>
        <translation>완전 연결층</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>{where}: {option} must be one of {choices}, not {text!r}.</source>
        <translation>{where}: {option}은(는) {text!r}이(가) 아니라 {choices} 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>{where}: {option} must be a whole number, not {text!r}.</source>
        <translation>{where}: {option}은(는) {text!r}이(가) 아니라 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{where}: {option} must be a number, not {text!r}.</source>
        <translation>{where}: {option}은(는) {text!r}이(가) 아니라 수여야 합니다.</translation>
    </message>
    <message>
        <source>{where}: {option} must be yes or no, not {text!r}.</source>
        <translation>{where}: {option}은(는) {text!r}이(가) 아니라 yes 또는 no여야 합니다.</translation>
    </message>
    <message>
        <source>{where}: {option} must be a word, not {text!r}.</source>
        <translation>{where}: {option}은(는) {text!r}이(가) 아니라 낱말이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: unknown layer kind {kind!r}; the kinds are {kinds}.</source>
        <translation>{where}: 알 수 없는 층 종류 {kind!r}입니다. 쓸 수 있는 종류: {kinds}.</translation>
    </message>
    <message>
        <source>{where}: {kind} has no option {option!r}.</source>
        <translation>{where}: {kind}에는 {option!r} 옵션이 없습니다.</translation>
    </message>
    <message>
        <source>{where}: {kind} needs {value} ({usage}).</source>
        <translation>{where}: {kind}에는 {value} 값이 필요합니다({usage}).</translation>
    </message>
    <message>
        <source>layer {number} ({text!r})</source>
        <translation>{number}번 층({text!r})</translation>
    </message>
    <message>
        <source>layer {number}: empty (two commas in a row?).</source>
        <translation>{number}번 층: 비어 있습니다(쉼표가 두 번 연달아 있나요?).</translation>
    </message>
    <message>
        <source>{where}: {kind} takes {count} value(s), got {given}.</source>
        <translation>{where}: {kind}은(는) 값을 {count}개 받는데 {given}개가 주어졌습니다.</translation>
    </message>
    <message>
        <source>{where}: {kind} has no option {option!r} (its options: {options}).</source>
        <translation>{where}: {kind}에는 {option!r} 옵션이 없습니다(쓸 수 있는 옵션: {options}).</translation>
    </message>
    <message>
        <source>{where}: {kind} has no option {option!r} (its options: none).</source>
        <translation>{where}: {kind}에는 {option!r} 옵션이 없습니다(옵션 없음).</translation>
    </message>
    <message>
        <source>the description is empty: give at least one layer, e.g. &quot;flatten, dense 128&quot;.</source>
        <translation>구조 설명이 비어 있습니다. 층을 하나 이상 적으십시오. 예: &quot;flatten, dense 128&quot;.</translation>
    </message>
    <message>
        <source>the saved architecture has no list of layers.</source>
        <translation>저장된 구조에 층 목록이 없습니다.</translation>
    </message>
    <message>
        <source>layer {number} of the saved architecture is malformed.</source>
        <translation>저장된 구조의 {number}번 층이 잘못된 형식입니다.</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>{number}번 층</translation>
    </message>
    <message>
        <source>Layer {number} ({layer})</source>
        <translation>{number}번 층({layer})</translation>
    </message>
    <message>
        <source>The network ends with a {shape} map: add flatten or gap before the output layer.</source>
        <translation>신경망이 {shape} 맵으로 끝납니다. 출력층 앞에 펼치기(flatten)나 전역 평균 풀링(gap)을 넣으십시오.</translation>
    </message>
    <message>
        <source>Dense {classes} softmax (output)</source>
        <translation>Dense {classes} softmax (출력)</translation>
    </message>
    <message>
        <source>{total:,} parameters, over the {limit:,} Digit Lab trains; the largest layer is {layer} with {parameters:,}.</source>
        <translation>파라미터가 {total:,}개로, Digit Lab이 학습할 수 있는 {limit:,}개를 넘습니다. 가장 큰 층은 {layer}이며 파라미터가 {parameters:,}개입니다.</translation>
    </message>
    <message>
        <source>{where}: convolution needs a 2-D map, but it comes after flatten (or gap), which made the maps a flat list.</source>
        <translation>{where}: 합성곱에는 2차원 맵이 필요하지만, 이 층은 맵을 1차원 목록으로 만든 펼치기(flatten)나 전역 평균 풀링(gap) 뒤에 있습니다.</translation>
    </message>
    <message>
        <source>{where}: max pooling needs a 2-D map, but it comes after flatten (or gap), which made the maps a flat list.</source>
        <translation>{where}: 최대 풀링에는 2차원 맵이 필요하지만, 이 층은 맵을 1차원 목록으로 만든 펼치기(flatten)나 전역 평균 풀링(gap) 뒤에 있습니다.</translation>
    </message>
    <message>
        <source>{where}: average pooling needs a 2-D map, but it comes after flatten (or gap), which made the maps a flat list.</source>
        <translation>{where}: 평균 풀링에는 2차원 맵이 필요하지만, 이 층은 맵을 1차원 목록으로 만든 펼치기(flatten)나 전역 평균 풀링(gap) 뒤에 있습니다.</translation>
    </message>
    <message>
        <source>{where}: global average pooling needs a 2-D map, but it comes after flatten (or gap), which made the maps a flat list.</source>
        <translation>{where}: 전역 평균 풀링에는 2차원 맵이 필요하지만, 이 층은 맵을 1차원 목록으로 만든 펼치기(flatten)나 전역 평균 풀링(gap) 뒤에 있습니다.</translation>
    </message>
    <message>
        <source>{where}: filters, kernel and stride must be at least 1.</source>
        <translation>{where}: 필터 수, 커널 크기, 스트라이드는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: a {kernel}×{kernel} valid convolution cannot fit a {height}×{width} map.</source>
        <translation>{where}: {kernel}×{kernel} 크기의 valid 합성곱은 {height}×{width} 맵에 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>{where}: the pool size must be at least 1.</source>
        <translation>{where}: 풀링 크기는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: a {size}×{size} pool shrinks the {height}×{width} map below 1×1.</source>
        <translation>{where}: {size}×{size} 풀링은 {height}×{width} 맵을 1×1보다 작게 줄입니다.</translation>
    </message>
    <message>
        <source>{where}: momentum must be from 0 up to (not including) 1.</source>
        <translation>{where}: 모멘텀은 0 이상 1 미만이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: the dropout rate must be from 0 up to (not including) 1.</source>
        <translation>{where}: 드롭아웃 비율은 0 이상 1 미만이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: dense needs a flat input: add flatten or gap before it.</source>
        <translation>{where}: 완전 연결층에는 1차원 입력이 필요합니다. 그 앞에 펼치기(flatten)나 전역 평균 풀링(gap)을 넣으십시오.</translation>
    </message>
    <message>
        <source>{where}: units must be at least 1.</source>
        <translation>{where}: 유닛 수는 1 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{where}: unknown layer kind {kind!r}.</source>
        <translation>{where}: 알 수 없는 층 종류 {kind!r}입니다.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>no such file or folder</source>
        <translation>파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>not a data set. Choose an MNIST .npz file, a folder holding the four MNIST IDX files, or a folder with one sub-folder of images per digit (0 to 9)</source>
        <translation>데이터 세트가 아닙니다. MNIST .npz 파일, MNIST IDX 파일 네 개가 든 폴더, 또는 숫자마다(0부터 9까지) 이미지 하위 폴더가 하나씩 있는 폴더를 고르십시오</translation>
    </message>
    <message>
        <source>not a data set folder: it has neither sub-folders 0–9 of images nor the MNIST IDX file {name}(.gz)</source>
        <translation>데이터 세트 폴더가 아닙니다. 이미지가 든 0–9 하위 폴더도, MNIST IDX 파일 {name}(.gz)도 없습니다</translation>
    </message>
    <message>
        <source>{file}: this file holds labels, not images; are the images and labels files swapped?</source>
        <translation>{file}: 이 파일에는 이미지가 아니라 레이블이 들어 있습니다. 이미지 파일과 레이블 파일이 뒤바뀌었나요?</translation>
    </message>
    <message>
        <source>{file}: this file holds images, not labels; are the images and labels files swapped?</source>
        <translation>{file}: 이 파일에는 레이블이 아니라 이미지가 들어 있습니다. 이미지 파일과 레이블 파일이 뒤바뀌었나요?</translation>
    </message>
    <message>
        <source>{labels:,} labels for the {images:,} images of {name}; each image needs one label</source>
        <translation>{name}의 이미지 {images:,}개에 레이블이 {labels:,}개입니다. 이미지마다 레이블이 하나씩 있어야 합니다</translation>
    </message>
    <message>
        <source>no readable digit images in the sub-folders 0–9</source>
        <translation>0–9 하위 폴더에 읽을 수 있는 숫자 이미지가 없습니다</translation>
    </message>
    <message>
        <source>{key} has shape {shape}; expected (N, 28, 28)</source>
        <translation>{key}의 모양이 {shape}입니다. (N, 28, 28)이어야 합니다</translation>
    </message>
    <message>
        <source>{key} declares {count:,} images; at most {limit:,} are accepted</source>
        <translation>{key}에 이미지가 {count:,}개로 적혀 있습니다. 최대 {limit:,}개까지 받습니다</translation>
    </message>
    <message>
        <source>{key} has shape {shape}; expected ({count},), one label per image</source>
        <translation>{key}의 모양이 {shape}입니다. 이미지마다 레이블이 하나씩인 ({count},)이어야 합니다</translation>
    </message>
    <message>
        <source>{key} holds {dtype} values; labels must be integers 0–9</source>
        <translation>{key}에 {dtype} 값이 들어 있습니다. 레이블은 0–9의 정수여야 합니다</translation>
    </message>
    <message>
        <source>the file holds {dtype} values; labels must be integers 0–9</source>
        <translation>파일에 {dtype} 값이 들어 있습니다. 레이블은 0–9의 정수여야 합니다</translation>
    </message>
    <message>
        <source>{key} holds labels that are not whole numbers (NaN or fractions); labels must be integers 0–9</source>
        <translation>{key}에 정수가 아닌 레이블(NaN이나 소수)이 있습니다. 레이블은 0–9의 정수여야 합니다</translation>
    </message>
    <message>
        <source>the file holds labels that are not whole numbers (NaN or fractions); labels must be integers 0–9</source>
        <translation>파일에 정수가 아닌 레이블(NaN이나 소수)이 있습니다. 레이블은 0–9의 정수여야 합니다</translation>
    </message>
    <message>
        <source>{key} holds labels outside 0–9</source>
        <translation>{key}에 0–9 밖의 레이블이 있습니다</translation>
    </message>
    <message>
        <source>the file holds labels outside 0–9</source>
        <translation>파일에 0–9 밖의 레이블이 있습니다</translation>
    </message>
    <message>
        <source>cannot read the file ({reason})</source>
        <translation>파일을 읽을 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>the file is truncated: the header promises {expected} values of shape {shape}, the file holds {found}</source>
        <translation>파일이 잘렸습니다. 헤더는 모양 {shape}의 값 {expected}개를 약속하지만 파일에는 {found}개만 있습니다</translation>
    </message>
    <message>
        <source>the file is padded: it holds more than the {expected} values of shape {shape} its header promises</source>
        <translation>파일에 남는 데이터가 있습니다. 헤더가 약속한 모양 {shape}의 값 {expected}개보다 많이 들어 있습니다</translation>
    </message>
    <message>
        <source>not an unsigned-byte IDX file (wrong magic number)</source>
        <translation>부호 없는 바이트 IDX 파일이 아닙니다(매직 넘버가 틀림)</translation>
    </message>
    <message>
        <source>the header declares {dimensions} dimensions; MNIST IDX files have 1 (labels) or 3 (images)</source>
        <translation>헤더에 차원이 {dimensions}개로 적혀 있습니다. MNIST IDX 파일은 1차원(레이블)이나 3차원(이미지)입니다</translation>
    </message>
    <message>
        <source>the file is truncated (header cut short)</source>
        <translation>파일이 잘렸습니다(헤더가 중간에 끊김)</translation>
    </message>
    <message>
        <source>the header declares {count:,} entries; at most {limit:,} are accepted</source>
        <translation>헤더에 항목이 {count:,}개로 적혀 있습니다. 최대 {limit:,}개까지 받습니다</translation>
    </message>
    <message>
        <source>the header declares images of {height}×{width}; MNIST images are 28×28</source>
        <translation>헤더에 적힌 이미지 크기가 {height}×{width}입니다. MNIST 이미지는 28×28입니다</translation>
    </message>
    <message>
        <source>not an .npz archive (not a zip file, or a truncated or corrupt one)</source>
        <translation>.npz 압축 파일이 아닙니다(ZIP 파일이 아니거나, 잘렸거나 손상되었습니다)</translation>
    </message>
    <message>
        <source>{key} holds {dtype} values; images must be numbers</source>
        <translation>{key}에 {dtype} 값이 들어 있습니다. 이미지는 수여야 합니다</translation>
    </message>
    <message>
        <source>the file is truncated or corrupt ({reason})</source>
        <translation>파일이 잘렸거나 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>not an MNIST file; it lacks {keys}</source>
        <translation>MNIST 파일이 아닙니다. {keys}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{key} is stored in .npy format {version}, which Digit Lab does not read; save it with numpy.savez</source>
        <translation>{key}이(가) Digit Lab이 읽지 못하는 .npy 형식 {version}으로 저장되어 있습니다. numpy.savez로 저장하십시오</translation>
    </message>
    <message>
        <source>The digit map needs a model that ends in a Dense layer; this one ends in {layer}.</source>
        <translation>숫자 지도에는 Dense 층으로 끝나는 모델이 필요합니다. 이 모델은 {layer}(으)로 끝납니다.</translation>
    </message>
    <message>
        <source>Could not open {file}: {problem}.</source>
        <translation>{file}을(를) 열 수 없습니다: {problem}.</translation>
    </message>
    <message>
        <source>store at least two drawings of a digit before fine-tuning</source>
        <translation>미세 조정 전에 한 숫자의 그림을 두 개 이상 저장하십시오</translation>
    </message>
    <message>
        <source>the personal data set is empty; store some drawings first</source>
        <translation>개인 데이터 세트가 비어 있습니다. 먼저 그림을 몇 개 저장하십시오</translation>
    </message>
    <message>
        <source>none of the {count} drawings can be read ({examples})</source>
        <translation>그림 {count}개 중 하나도 읽을 수 없습니다({examples})</translation>
    </message>
    <message>
        <source>not a readable zip archive ({reason})</source>
        <translation>읽을 수 있는 ZIP 압축 파일이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>no digit images found (expected folders 0–9 of PNG files)</source>
        <translation>숫자 이미지를 찾지 못했습니다(PNG 파일이 든 0–9 폴더가 있어야 합니다)</translation>
    </message>
    <message>
        <source>none of its {count} images could be imported ({examples})</source>
        <translation>이미지 {count}개 중 하나도 가져올 수 없었습니다({examples})</translation>
    </message>
    <message>
        <source>no ink (a blank image)</source>
        <translation>잉크 없음(빈 이미지)</translation>
    </message>
    <message>
        <source>the image is {width}×{height} pixels ({megapixels:.0f} megapixels); Digit Lab reads images of at most {limit} megapixels</source>
        <translation>이미지가 {width}×{height}픽셀({megapixels:.0f}메가픽셀)입니다. Digit Lab은 {limit}메가픽셀 이하의 이미지만 읽습니다</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <source>the image is too large to read safely (over {megapixels:.0f} megapixels); Digit Lab reads images of at most {limit} megapixels</source>
        <translation>이미지가 너무 커서 안전하게 읽을 수 없습니다({megapixels:.0f}메가픽셀 초과). Digit Lab은 {limit}메가픽셀 이하의 이미지만 읽습니다</translation>
    </message>
    <message>
        <source>not a readable image ({reason})</source>
        <translation>읽을 수 있는 이미지가 아닙니다({reason})</translation>
    </message>
    <message>
        <source>the archive holds {count:,} entries; a Keras model has 3 or 4</source>
        <translation>압축 파일에 항목이 {count:,}개 있습니다. Keras 모델은 3개나 4개입니다</translation>
    </message>
    <message>
        <source>its entries unpack to {size}, more than the {limit} any digit network needs</source>
        <translation>항목들을 풀면 {size}로, 숫자 인식 신경망에 필요한 {limit}보다 큽니다</translation>
    </message>
    <message>
        <source>the entry {name} unpacks to {size} from {stored:,} bytes (a decompression bomb)</source>
        <translation>{name} 항목은 {stored:,}바이트에서 {size}로 풀립니다(압축 폭탄)</translation>
    </message>
    <message>
        <source>the archive holds no Keras model (no config.json)</source>
        <translation>압축 파일에 Keras 모델이 없습니다(config.json 없음)</translation>
    </message>
    <message>
        <source>its config.json is {size}; a digit network&apos;s is a few kilobytes</source>
        <translation>config.json이 {size}입니다. 숫자 인식 신경망의 것은 몇 KB입니다</translation>
    </message>
    <message>
        <source>it declares {count:,} layers; Digit Lab opens models of up to {limit}</source>
        <translation>층이 {count:,}개입니다. Digit Lab은 층이 {limit}개 이하인 모델만 엽니다</translation>
    </message>
    <message>
        <source>the entry {name} is larger than {size}</source>
        <translation>{name} 항목이 {size}보다 큽니다</translation>
    </message>
    <message>
        <source>its {name} is not readable JSON ({reason})</source>
        <translation>{name}이(가) 읽을 수 있는 JSON이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>its {name} does not describe a model</source>
        <translation>{name}이(가) 모델을 설명하지 않습니다</translation>
    </message>
    <message>
        <source>it declares a network of more than {limit:,} parameters (layer {layer}: weights of {dimensions}); Digit Lab opens digit networks only</source>
        <translation>파라미터가 {limit:,}개보다 많은 신경망입니다({layer} 층: 가중치 {dimensions}). Digit Lab은 숫자 인식 신경망만 엽니다</translation>
    </message>
    <message>
        <source>Could not save {file}: the disk is full. Free some space or save somewhere else. Any file that was there is unchanged.</source>
        <translation>{file}을(를) 저장할 수 없습니다. 디스크가 가득 찼습니다. 공간을 비우거나 다른 곳에 저장하십시오. 그 자리에 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
        <source>Could not save {file}: the folder is read-only. Choose a folder you can write to. Any file that was there is unchanged.</source>
        <translation>{file}을(를) 저장할 수 없습니다. 폴더가 읽기 전용입니다. 쓸 수 있는 폴더를 고르십시오. 그 자리에 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}. Choose another file name or folder. Any file that was there is unchanged.</source>
        <translation>{file}을(를) 저장할 수 없습니다: {reason}. 다른 파일 이름이나 폴더를 고르십시오. 그 자리에 있던 파일은 그대로입니다.</translation>
    </message>
    <message>
        <source>Could not save {file}: the folder {folder} does not exist.</source>
        <translation>{file}을(를) 저장할 수 없습니다. {folder} 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>it is a folder (a TensorFlow SavedModel?), not a .keras file. To use it, convert it in a trusted Python session with keras.models.load_model(OLD).save(&quot;model.keras&quot;) and open the .keras file</source>
        <translation>.keras 파일이 아니라 폴더(TensorFlow SavedModel?)입니다. 쓰려면 믿을 수 있는 Python 세션에서 keras.models.load_model(OLD).save(&quot;model.keras&quot;)로 변환한 뒤 .keras 파일을 여십시오</translation>
    </message>
    <message>
        <source>legacy HDF5 (.h5) models are not supported, because they cannot be loaded safely. To use it, convert it in a trusted Python session with keras.models.load_model(OLD).save(&quot;model.keras&quot;) and open the .keras file</source>
        <translation>예전 HDF5(.h5) 모델은 안전하게 열 수 없으므로 지원하지 않습니다. 쓰려면 믿을 수 있는 Python 세션에서 keras.models.load_model(OLD).save(&quot;model.keras&quot;)로 변환한 뒤 .keras 파일을 여십시오</translation>
    </message>
    <message>
        <source>Digit Lab opens Keras model files ending in .keras</source>
        <translation>Digit Lab은 이름이 .keras로 끝나는 Keras 모델 파일만 엽니다</translation>
    </message>
    <message>
        <source>the file is corrupt or truncated (not a .keras archive)</source>
        <translation>파일이 손상되었거나 잘렸습니다(.keras 압축 파일이 아님)</translation>
    </message>
    <message>
        <source>the file is corrupt ({reason})</source>
        <translation>파일이 손상되었습니다({reason})</translation>
    </message>
    <message>
        <source>the file is corrupt (damaged entry {name})</source>
        <translation>파일이 손상되었습니다(손상된 항목 {name})</translation>
    </message>
    <message>
        <source>it contains code (for example a Lambda layer) and Digit Lab never runs code from a model file. Open only models whose layers are standard Keras layers</source>
        <translation>코드(예: Lambda 층)가 들어 있는데, Digit Lab은 모델 파일 속 코드를 절대 실행하지 않습니다. 표준 Keras 층으로만 된 모델을 여십시오</translation>
    </message>
    <message>
        <source>it uses a custom layer or function that Digit Lab does not know ({reason})</source>
        <translation>Digit Lab이 모르는 사용자 정의 층이나 함수를 씁니다({reason})</translation>
    </message>
    <message>
        <source>the file is corrupt or not a Keras 3 model ({reason})</source>
        <translation>파일이 손상되었거나 Keras 3 모델이 아닙니다({reason})</translation>
    </message>
    <message>
        <source>it is not a digit classifier for Digit Lab. It takes {inputs} and gives {outputs}; Digit Lab needs input (None, 28, 28, 1) and output (None, 10)</source>
        <translation>Digit Lab에서 쓸 수 있는 숫자 분류 모델이 아닙니다. 입력이 {inputs}, 출력이 {outputs}인데, Digit Lab에는 입력 (None, 28, 28, 1)과 출력 (None, 10)이 필요합니다</translation>
    </message>
    <message>
        <source>no room to read it in the temporary folder ({reason})</source>
        <translation>임시 폴더에 읽어 들일 공간이 없습니다({reason})</translation>
    </message>
    <message>
        <source>unknown model preset {name!r}; choose one of {presets}</source>
        <translation>알 수 없는 기본 구조 {name!r}입니다. 다음 중에서 고르십시오: {presets}</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder; name a file, e.g. {example}.</source>
        <translation>{path}에 쓸 수 없습니다. 폴더입니다. 파일 이름을 적으십시오. 예: {example}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {file} is a file, not a folder.</source>
        <translation>{path}에 쓸 수 없습니다. {file}은(는) 폴더가 아니라 파일입니다.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>{path}에 쓸 수 없습니다. {folder} 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write to {path}: {file} is a file, not a folder.</source>
        <translation>{path}에 쓸 수 없습니다. {file}은(는) 폴더가 아니라 파일입니다.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} is not writable ({reason}).</source>
        <translation>{path}에 쓸 수 없습니다. {folder} 폴더에 쓸 권한이 없습니다({reason}).</translation>
    </message>
    <message>
        <source>Nothing is drawn: the image holds no ink.</source>
        <translation>그린 것이 없습니다. 이미지에 잉크가 없습니다.</translation>
    </message>
    <message>
        <source>an image must be H×W grey or H×W×3/4 colour, not shape {shape}</source>
        <translation>이미지는 H×W 흑백이나 H×W×3/4 컬러여야 합니다. 모양이 {shape}이면 안 됩니다</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>이미지가 비어 있습니다.</translation>
    </message>
    <message>
        <source>it is a folder, not a regular file; choose an ordinary file</source>
        <translation>일반 파일이 아니라 폴더입니다. 일반 파일을 고르십시오</translation>
    </message>
    <message>
        <source>it is a named pipe, not a regular file; choose an ordinary file</source>
        <translation>일반 파일이 아니라 이름 있는 파이프입니다. 일반 파일을 고르십시오</translation>
    </message>
    <message>
        <source>it is a device, not a regular file; choose an ordinary file</source>
        <translation>일반 파일이 아니라 장치입니다. 일반 파일을 고르십시오</translation>
    </message>
    <message>
        <source>it is a socket, not a regular file; choose an ordinary file</source>
        <translation>일반 파일이 아니라 소켓입니다. 일반 파일을 고르십시오</translation>
    </message>
    <message>
        <source>it is not an ordinary file, not a regular file; choose an ordinary file</source>
        <translation>일반 파일이 아닙니다. 일반 파일을 고르십시오</translation>
    </message>
    <message>
        <source>{path} (a link to {target})</source>
        <translation>{path}({target}을(를) 가리키는 링크)</translation>
    </message>
    <message>
        <source>epochs must be at least 1</source>
        <translation>에포크는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the limit must be at least 1 image, not {limit} (leave --limit out to train on all images)</source>
        <translation>개수 제한은 {limit}이(가) 아니라 1장 이상이어야 합니다(모든 이미지로 학습하려면 --limit을 빼십시오)</translation>
    </message>
    <message>
        <source>the batch size must be at least 1</source>
        <translation>배치 크기는 1 이상이어야 합니다</translation>
    </message>
    <message>
        <source>the learning rate must be a positive number</source>
        <translation>학습률은 양수여야 합니다</translation>
    </message>
    <message>
        <source>unknown optimizer {name!r}; choose adam or sgd</source>
        <translation>알 수 없는 옵티마이저 {name!r}입니다. adam이나 sgd를 고르십시오</translation>
    </message>
    <message>
        <source>unknown training loop {name!r}; choose fit or tape</source>
        <translation>알 수 없는 학습 루프 {name!r}입니다. fit이나 tape를 고르십시오</translation>
    </message>
    <message>
        <source>the validation split must be at least 0 and below 1</source>
        <translation>검증 비율은 0 이상 1 미만이어야 합니다</translation>
    </message>
    <message>
        <source>unknown rate schedule {name!r}; choose {schedules}</source>
        <translation>알 수 없는 학습률 스케줄 {name!r}입니다. 다음 중에서 고르십시오: {schedules}</translation>
    </message>
    <message>
        <source>early stopping and best-epoch restore need a validation split above 0</source>
        <translation>조기 종료와 가장 좋은 에포크 유지에는 0보다 큰 검증 비율이 필요합니다</translation>
    </message>
    <message>
        <source>no training images are left after the validation split</source>
        <translation>검증 데이터를 떼어 내고 나니 학습 이미지가 남지 않았습니다</translation>
    </message>
    <message>
        <source>the digit checker carries no threshold</source>
        <translation>숫자 판별기에 기준값이 없습니다</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>ONNX file (.onnx, for ONNX Runtime)</source>
        <translation>ONNX 파일(.onnx, ONNX Runtime용)</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel folder (for serving)</source>
        <translation>TensorFlow SavedModel 폴더(서빙용)</translation>
    </message>
    <message>
        <source>TensorFlow Lite file (.tflite)</source>
        <translation>TensorFlow Lite 파일(.tflite)</translation>
    </message>
    <message>
        <source>unknown export format {kind!r}; choose one of {formats}.</source>
        <translation>알 수 없는 내보내기 형식 {kind!r}입니다. 다음 중에서 고르십시오: {formats}.</translation>
    </message>
    <message>
        <source>{format} export is not part of the installed Digit Lab (it would add about 120 MB and push the installers past their size limits). Export a TensorFlow Lite file or a SavedModel here, or install Digit Lab with pip, where pip install &quot;{extra}&quot; adds {format} export ({packages}).</source>
        <translation>설치된 Digit Lab에는 {format} 내보내기가 들어 있지 않습니다(약 120 MB가 늘어나 설치 파일의 크기 제한을 넘기 때문입니다). 여기서는 TensorFlow Lite 파일이나 SavedModel로 내보내거나, Digit Lab을 pip로 설치하십시오. 그러면 pip install &quot;{extra}&quot;로 {format} 내보내기({packages})를 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>{format} export needs {modules}, which is not installed. Install the export extra: pip install &quot;{extra}&quot; (or pip install {packages}).</source>
        <translation>{format} 내보내기에는 {modules}이(가) 필요한데 설치되어 있지 않습니다. 내보내기 추가 기능을 설치하십시오: pip install &quot;{extra}&quot; (또는 pip install {packages}).</translation>
    </message>
    <message>
        <source>{format} export needs {modules}, which are not installed. Install the export extra: pip install &quot;{extra}&quot; (or pip install {packages}).</source>
        <translation>{format} 내보내기에는 {modules}이(가) 필요한데 설치되어 있지 않습니다. 내보내기 추가 기능을 설치하십시오: pip install &quot;{extra}&quot; (또는 pip install {packages}).</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a file; a SavedModel is a folder: choose another name.</source>
        <translation>{path}에 쓸 수 없습니다. 파일인데, SavedModel은 폴더입니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <source>TensorFlow Lite conversion failed: {reason}</source>
        <translation>TensorFlow Lite 변환에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>ONNX export failed: {reason}. {advice}</source>
        <translation>ONNX 내보내기에 실패했습니다: {reason}. {advice}</translation>
    </message>
    <message>
        <source>ONNX conversion failed: {reason}</source>
        <translation>ONNX 변환에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>ONNX conversion failed: the converter wrote an empty file.</source>
        <translation>ONNX 변환에 실패했습니다. 변환기가 빈 파일을 썼습니다.</translation>
    </message>
    <message>
        <source>{path} is a file; a SavedModel is a folder: choose another name.</source>
        <translation>{path}은(는) 파일인데, SavedModel은 폴더입니다. 다른 이름을 고르십시오.</translation>
    </message>
    <message>
        <source>{runtime} could not run it: {error}</source>
        <translation>{runtime}(으)로 실행할 수 없었습니다: {error}</translation>
    </message>
    <message>
        <source>checked with {runtime} on {samples} MNIST test digits: largest difference from the model&apos;s probabilities {difference:.1e} (allowed {tolerance:.0e}), top digit agrees on {agreeing} of {samples}</source>
        <translation>{runtime}(으)로 MNIST 테스트 숫자 {samples}개를 확인했습니다. 모델의 확률과의 최대 차이는 {difference:.1e}(허용 {tolerance:.0e})이고, 가장 높은 숫자는 {samples}개 중 {agreeing}개에서 일치합니다</translation>
    </message>
    <message>
        <source>The export computes the model&apos;s answers: {figures}.</source>
        <translation>내보낸 파일이 모델과 같은 답을 계산합니다: {figures}.</translation>
    </message>
    <message>
        <source>The export at {path} was written, but it could not be checked: {figures}. The file is kept, but do not use it: export again, or choose another format.</source>
        <translation>{path}에 내보내기는 했지만 확인할 수 없었습니다: {figures}. 파일은 남겨 두지만 쓰지 마십시오. 다시 내보내거나 다른 형식을 고르십시오.</translation>
    </message>
    <message>
        <source>The export at {path} does NOT compute the model&apos;s answers: {figures}. The file is kept, but do not use it: export again, or choose another format.</source>
        <translation>{path}에 내보낸 파일은 모델과 같은 답을 계산하지 않습니다: {figures}. 파일은 남겨 두지만 쓰지 마십시오. 다시 내보내거나 다른 형식을 고르십시오.</translation>
    </message>
    <message>
        <source>onnxruntime (not installed)</source>
        <translation>ONNX Runtime(설치되지 않음)</translation>
    </message>
    <message>
        <source>the LiteRT interpreter (ai-edge-litert {version})</source>
        <translation>LiteRT 인터프리터(ai-edge-litert {version})</translation>
    </message>
    <message>
        <source>the TensorFlow Lite interpreter (TensorFlow {version})</source>
        <translation>TensorFlow Lite 인터프리터(TensorFlow {version})</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Batch-normalised CNN (default)</source>
        <translation>배치 정규화 합성곱 신경망 (기본)</translation>
    </message>
    <message>
        <source>A 5×5 convolution, then two 3×3 stages with batch normalisation: the best accuracy per CPU second.</source>
        <translation>5×5 합성곱 하나 뒤에 배치 정규화를 쓰는 3×3 단계 두 개: CPU 1초당 정확도가 가장 좋습니다.</translation>
    </message>
    <message>
        <source>Multilayer perceptron</source>
        <translation>다층 퍼셉트론</translation>
    </message>
    <message>
        <source>Flatten → Dense 128 ReLU → Dropout 0.2 → Dense 10: no convolutions, the baseline.</source>
        <translation>Flatten → Dense 128 ReLU → Dropout 0.2 → Dense 10: 합성곱이 없는 기준 모델입니다.</translation>
    </message>
    <message>
        <source>Small CNN</source>
        <translation>작은 합성곱 신경망</translation>
    </message>
    <message>
        <source>One 10-filter 3×3 convolution, max-pooling, Dense 100: the smallest network that sees shapes.</source>
        <translation>필터 10개짜리 3×3 합성곱 하나, 최대 풀링, Dense 100: 모양을 알아보는 가장 작은 신경망입니다.</translation>
    </message>
    <message>
        <source>Classic two-convolution CNN</source>
        <translation>고전적인 합성곱 2층 신경망</translation>
    </message>
    <message>
        <source>Conv 32 5×5 → pool → Conv 64 5×5 → pool → Dense 1024 → Dropout 0.5: the TensorFlow tutorial net.</source>
        <translation>Conv2D 32 5×5 → 최대 풀링 → Conv2D 64 5×5 → 최대 풀링 → Dense 1024 → Dropout 0.5: TensorFlow 튜토리얼의 신경망입니다.</translation>
    </message>
</context>
<context>
    <name>text_format</name>
    <message>
        <source>{value} %</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>손실 {value}</translation>
    </message>
    <message>
        <source>accuracy {value}</source>
        <translation>정확도 {value}</translation>
    </message>
    <message>
        <source>validation loss {value}</source>
        <translation>검증 손실 {value}</translation>
    </message>
    <message>
        <source>validation accuracy {value}</source>
        <translation>검증 정확도 {value}</translation>
    </message>
    <message>
        <source>%n drawing(s) of {digit}</source>
        <translation>숫자 {digit} 그림 %n개</translation>
    </message>
    <message>
        <source>an {digit}</source>
        <translation>{digit}</translation>
    </message>
    <message>
        <source>a {digit}</source>
        <translation>{digit}</translation>
    </message>
    <message>
        <source>%n image(s)</source>
        <translation>이미지 %n개</translation>
    </message>
    <message>
        <source>{action} failed: {error}</source>
        <translation>{action} 실패: {error}</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <source>GPU:{index} is listed but does not work ({reason}); training on the CPU instead.</source>
        <translation>GPU:{index}이(가) 보이지만 동작하지 않습니다({reason}). 대신 CPU에서 학습합니다.</translation>
    </message>
    <message>
        <source>The installed Digit Lab is CPU-only. For NVIDIA GPU training on Linux, install it with pip: python -m pip install &quot;digit-lab[gpu]&quot; (see the README).</source>
        <translation>설치된 Digit Lab은 CPU 전용입니다. Linux에서 NVIDIA GPU로 학습하려면 pip로 설치하십시오: python -m pip install &quot;digit-lab[gpu]&quot; (README 참고).</translation>
    </message>
    <message>
        <source>TensorFlow has no GPU support on macOS; training runs on the CPU.</source>
        <translation>macOS의 TensorFlow는 GPU를 지원하지 않습니다. 학습은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>TensorFlow ≥ 2.11 has no GPU support on native Windows; use WSL2 for GPU training.</source>
        <translation>TensorFlow 2.11 이상은 Windows에서 직접 GPU를 지원하지 않습니다. GPU로 학습하려면 WSL2를 쓰십시오.</translation>
    </message>
    <message>
        <source>This TensorFlow build has no CUDA support; install digit-lab[gpu] for NVIDIA GPUs.</source>
        <translation>이 TensorFlow 빌드는 CUDA를 지원하지 않습니다. NVIDIA GPU를 쓰려면 digit-lab[gpu]를 설치하십시오.</translation>
    </message>
    <message>
        <source>TensorFlow found no usable NVIDIA GPU (no driver, or the CUDA libraries are missing).</source>
        <translation>TensorFlow가 쓸 수 있는 NVIDIA GPU를 찾지 못했습니다(드라이버나 CUDA 라이브러리가 없습니다).</translation>
    </message>
    <message>
        <source>GPU:{index} does not exist (TensorFlow sees {count} GPU(s)); training on the CPU instead.</source>
        <translation>GPU:{index}이(가) 없습니다(TensorFlow가 찾은 GPU는 {count}개입니다). 대신 CPU에서 학습합니다.</translation>
    </message>
    <message>
        <source>GPU:{index} does not exist (TensorFlow sees no GPU); training on the CPU instead.</source>
        <translation>GPU:{index}이(가) 없습니다(TensorFlow가 찾은 GPU가 없습니다). 대신 CPU에서 학습합니다.</translation>
    </message>
    <message>
        <source>GPU:{index} (compute capability {capability})</source>
        <translation>GPU:{index}(연산 능력 {capability})</translation>
    </message>
    <message>
        <source>GPU:{index} has no bfloat16 arithmetic of its own (compute capability below 8.0)</source>
        <translation>GPU:{index}에는 자체 bfloat16 연산이 없습니다(연산 능력 8.0 미만)</translation>
    </message>
    <message>
        <source>the CPU ({flags})</source>
        <translation>CPU({flags})</translation>
    </message>
    <message>
        <source>this CPU has no bfloat16 instructions (AVX512-BF16 or AMX-BF16)</source>
        <translation>이 CPU에는 bfloat16 명령어(AVX512-BF16 또는 AMX-BF16)가 없습니다</translation>
    </message>
    <message>
        <source>start (untrained)</source>
        <translation>시작(학습 전)</translation>
    </message>
    <message>
        <source>epoch {epoch:.2f}</source>
        <translation>에포크 {epoch:.2f}</translation>
    </message>
    <message>
        <source>start (untrained) · validation accuracy {accuracy:.1f} %</source>
        <translation>시작(학습 전) · 검증 정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>epoch {epoch:.2f} · validation accuracy {accuracy:.1f} %</source>
        <translation>에포크 {epoch:.2f} · 검증 정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>start (untrained) · training accuracy {accuracy:.1f} %</source>
        <translation>시작(학습 전) · 학습 정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>epoch {epoch:.2f} · training accuracy {accuracy:.1f} %</source>
        <translation>에포크 {epoch:.2f} · 학습 정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>Epoch {epoch}: learning rate from {first:.5f} up to at most {peak:.5f} and down to {last:.5f}, batch by batch</source>
        <translation>에포크 {epoch}: 학습률이 배치마다 {first:.5f}에서 최대 {peak:.5f}까지 올랐다가 {last:.5f}까지 내려갑니다</translation>
    </message>
    <message>
        <source>Epoch {epoch}: learning rate {rate:.5f}</source>
        <translation>에포크 {epoch}: 학습률 {rate:.5f}</translation>
    </message>
    <message>
        <source>The loss became {loss} at epoch {epoch}, batch {batch}: training diverged. The model keeps the weights of the last good epoch; try a lower learning rate.</source>
        <translation>에포크 {epoch}, 배치 {batch}에서 손실이 {loss}이(가) 되어 학습이 발산했습니다. 모델은 마지막으로 정상이었던 에포크의 가중치를 유지합니다. 학습률을 낮춰 보십시오.</translation>
    </message>
    <message>
        <source>The loss became {loss} at epoch {epoch}, batch {batch}: training diverged. The model keeps the weights it started with; try a lower learning rate.</source>
        <translation>에포크 {epoch}, 배치 {batch}에서 손실이 {loss}이(가) 되어 학습이 발산했습니다. 모델은 처음 가중치를 유지합니다. 학습률을 낮춰 보십시오.</translation>
    </message>
    <message>
        <source>Switching the optimizer to {optimizer}: its state starts afresh.</source>
        <translation>옵티마이저를 {optimizer}(으)로 바꿉니다. 옵티마이저 상태는 처음부터 다시 시작합니다.</translation>
    </message>
    <message>
        <source>Stopped before the first batch.</source>
        <translation>첫 배치 전에 중지했습니다.</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>학습에 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>Stopped by the user after {epochs} epoch(s) (the last one partly trained).</source>
        <translation>{epochs} 에포크 후에 사용자가 중지했습니다(마지막 에포크는 일부만 학습됨).</translation>
    </message>
    <message>
        <source>Stopped by the user after {epochs} epoch(s).</source>
        <translation>{epochs} 에포크 후에 사용자가 중지했습니다.</translation>
    </message>
    <message>
        <source>Early stopping ended the run after {epochs} epoch(s).</source>
        <translation>조기 종료로 {epochs} 에포크 후에 학습을 마쳤습니다.</translation>
    </message>
    <message>
        <source>Trained {epochs} epoch(s).</source>
        <translation>{epochs} 에포크를 학습했습니다.</translation>
    </message>
    <message>
        <source>Mixed precision: computing in bfloat16 on {device}; the weights stay float32.</source>
        <translation>혼합 정밀도: {device}에서 bfloat16으로 계산합니다. 가중치는 float32로 유지합니다.</translation>
    </message>
    <message>
        <source>Mixed precision was asked for, but {reason}: training in float32.</source>
        <translation>혼합 정밀도를 요청했지만 {reason}. float32로 학습합니다.</translation>
    </message>
    <message>
        <source>The model keeps the weights of epoch {epoch}, the best by {monitor} ({best:.4f}).</source>
        <translation>모델은 {monitor} 기준으로 가장 좋았던 에포크 {epoch}의 가중치를 유지합니다({best:.4f}).</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>the Digit Lab metadata is not a record; it is ignored</source>
        <translation>Digit Lab 메타데이터가 레코드 형식이 아니어서 무시합니다</translation>
    </message>
    <message>
        <source>its saved {name} ({value}) is malformed and is ignored</source>
        <translation>저장된 {name}({value})이(가) 잘못된 형식이어서 무시합니다</translation>
    </message>
    <message>
        <source>its Digit Lab metadata is unreadable ({reason}) and is ignored</source>
        <translation>Digit Lab 메타데이터를 읽을 수 없어({reason}) 무시합니다</translation>
    </message>
    <message>
        <source>its training time-lapse is unreadable ({reason}) and is ignored</source>
        <translation>학습 타임랩스를 읽을 수 없어({reason}) 무시합니다</translation>
    </message>
    <message>
        <source>its training time-lapse does not fit the model&apos;s weights and is ignored</source>
        <translation>학습 타임랩스가 모델의 가중치와 맞지 않아 무시합니다</translation>
    </message>
    <message>
        <source>the time-lapse is larger than {size} MB</source>
        <translation>타임랩스가 {size} MB보다 큽니다</translation>
    </message>
    <message>
        <source>its arrays unpack to more than {size} MB</source>
        <translation>배열을 풀면 {size} MB를 넘습니다</translation>
    </message>
    <message>
        <source>not a Digit Lab time-lapse</source>
        <translation>Digit Lab 타임랩스가 아닙니다</translation>
    </message>
    <message>
        <source>its index is malformed</source>
        <translation>색인이 잘못된 형식입니다</translation>
    </message>
    <message>
        <source>the time-lapse is unreadable ({reason})</source>
        <translation>타임랩스를 읽을 수 없습니다({reason})</translation>
    </message>
</context>
</TS>
