/**
 * An optional drawn signature: a small canvas for a finger, pen or mouse, with undo and clear. Keyboard and
 * screen-reader users skip it (the typed name is the signature that counts); the canvas is described, not focused.
 * `onChange` receives a PNG data URL after each stroke, or null once the pad is empty again.
 */
import { Box, Button, Group, Input, Text } from '@mantine/core'
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react'
import { useEffect, useId, useRef, useState, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { maxDrawnSignatureLength } from '../../../features/pledges/pledges.schema'
import { extendStroke, scaleStrokes, startStroke, undoStroke, type Stroke } from './signature-strokes'
import './pledges-public.css'

/** CSS pixels; the same as the height of `.netra-signature-pad` in pledges-public.css. */
const padHeight = 160
const lineWidth = 2.5

export interface SignaturePadProps {
  readonly onChange: (dataUrl: string | null) => void
  readonly error?: string | null
  readonly disabled?: boolean
}

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[], scale: number): void {
  const context = canvas.getContext('2d')
  if (!context) return
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.clearRect(0, 0, canvas.width, canvas.height)
  context.setTransform(scale, 0, 0, scale, 0, 0)
  context.lineCap = 'round'
  context.lineJoin = 'round'
  context.lineWidth = lineWidth
  context.strokeStyle = '#1a1b1e'
  context.fillStyle = '#1a1b1e'
  for (const stroke of strokes) {
    const [first, ...rest] = stroke
    if (!first) continue
    if (rest.length === 0) {
      context.beginPath()
      context.arc(first.x, first.y, lineWidth / 2, 0, Math.PI * 2)
      context.fill()
      continue
    }
    context.beginPath()
    context.moveTo(first.x, first.y)
    for (const point of rest) context.lineTo(point.x, point.y)
    context.stroke()
  }
}

/** The drawing as a PNG, at the screen's pixel density, or at 1× when that would be too large to send. */
function exportPng(strokes: readonly Stroke[], width: number, density: number): string | null {
  if (strokes.length === 0) return null
  for (const scale of [density, 1]) {
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(padHeight * scale)
    draw(canvas, strokes, scale)
    const dataUrl = canvas.toDataURL('image/png')
    if (dataUrl.length <= maxDrawnSignatureLength) return dataUrl
  }
  return null
}

export function SignaturePad({ onChange, error, disabled = false }: SignaturePadProps) {
  const { t } = useTranslation()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [strokes, setStrokes] = useState<Stroke[]>([])
  const [width, setWidth] = useState(0)
  const drawing = useRef(false)
  const widthRef = useRef(0)
  // Set when a stroke ends or is taken back: the drawing is exported once the state holding it has rendered.
  const shouldPublish = useRef(false)
  const labelId = useId()
  const descriptionId = useId()
  const errorId = useId()
  const density = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1)

  // The pad is as wide as its column; the drawing follows when the width changes (rotation, resize).
  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const measure = () => {
      const previous = widthRef.current
      const next = Math.round(canvas.getBoundingClientRect().width)
      if (next === previous) return
      widthRef.current = next
      if (previous > 0 && next > 0) {
        shouldPublish.current = true
        setStrokes((current) => scaleStrokes(current, next / previous))
      }
      setWidth(next)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(canvas)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas || width === 0) return
    canvas.width = Math.round(width * density)
    canvas.height = Math.round(padHeight * density)
    draw(canvas, strokes, density)
    if (shouldPublish.current) {
      shouldPublish.current = false
      onChange(exportPng(strokes, width, density))
    }
  }, [strokes, width, density, onChange])

  const pointOf = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  const handlePointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (disabled || (event.pointerType === 'mouse' && event.button !== 0)) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drawing.current = true
    // Read now: React clears `currentTarget` once the handler returns, before the updater runs.
    const point = pointOf(event)
    setStrokes((current) => startStroke(current, point))
  }

  const handlePointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return
    const point = pointOf(event)
    setStrokes((current) => extendStroke(current, point))
  }

  const handlePointerUp = () => {
    if (!drawing.current) return
    drawing.current = false
    shouldPublish.current = true
    // A new state object, so the effect runs (and exports) even when the last move added no point.
    setStrokes((current) => [...current])
  }

  const handleUndo = () => {
    shouldPublish.current = true
    setStrokes(undoStroke)
  }

  const handleClear = () => {
    shouldPublish.current = true
    setStrokes([])
  }

  const count = strokes.length
  return (
    <Box role="group" aria-labelledby={labelId} aria-describedby={descriptionId}>
      <Input.Label id={labelId} component="div">
        {t('pledges.public.sign.signature_label')}
      </Input.Label>
      <Input.Description id={descriptionId} mb={6}>
        {t('pledges.public.sign.signature_help')}
      </Input.Description>
      <canvas
        ref={canvasRef}
        className="netra-signature-pad"
        data-invalid={error ? true : undefined}
        data-disabled={disabled || undefined}
        role="img"
        aria-label={
          count === 0
            ? t('pledges.public.sign.signature_empty')
            : t('pledges.public.sign.signature_drawn', { count })
        }
        aria-describedby={error ? errorId : undefined}
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
        onPointerCancel={handlePointerUp}
      />
      {error && (
        <Input.Error id={errorId} mt={4}>
          {error}
        </Input.Error>
      )}
      <Group gap="xs" mt={6} justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed" aria-hidden>
          {t('pledges.public.sign.signature_hint')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            onClick={handleUndo}
            disabled={disabled || count === 0}
          >
            {t('pledges.public.sign.signature_undo')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconEraser size={14} aria-hidden />}
            onClick={handleClear}
            disabled={disabled || count === 0}
          >
            {t('pledges.public.sign.signature_clear')}
          </Button>
        </Group>
      </Group>
    </Box>
  )
}
