import { Button, Group, Text } from '@mantine/core';
import { type PointerEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A signature drawn with a finger, pen or mouse (pointer events), given back as a PNG data URL
 * after each stroke, or undefined once cleared.
 */
export function SignaturePad({ onChange }: { onChange: (image: string | undefined) => void }) {
  const { t } = useTranslation('participant');
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Draw at the device's pixel density so the signature stays sharp.
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = element.clientHeight * ratio;
    const context = element.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, []);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const context = event.currentTarget.getContext('2d');
    const { x, y } = point(event);
    context?.beginPath();
    context?.moveTo(x, y);
    context?.lineTo(x + 0.1, y + 0.1);
    context?.stroke();
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  };
  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(event.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
    onChange(undefined);
  };

  return (
    <div>
      <Text size="sm" c="dimmed" id="signature-pad-hint" mb={4}>
        {t('release.drawHint')}
      </Text>
      <canvas
        ref={canvas}
        aria-label={t('release.drawLabel')}
        aria-describedby="signature-pad-hint"
        data-testid="signature-pad"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          width: '100%',
          height: 160,
          border: '2px dashed var(--mantine-color-gray-5)',
          borderRadius: 8,
          touchAction: 'none',
          background: 'white',
        }}
      />
      <Group justify="flex-end">
        <Button variant="subtle" onClick={clear} size="sm">
          {t('release.clear')}
        </Button>
      </Group>
    </div>
  );
}
