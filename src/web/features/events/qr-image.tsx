/** A QR code drawn in the browser (the `qrcode` package) as an image with a text alternative. */
import { Image, Skeleton } from '@mantine/core'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

export interface QrImageProps {
  readonly value: string
  /** What the code is, for screen readers. */
  readonly alt: string
  /** Pixels of the drawn image (it is shown scaled to its box). */
  readonly resolution?: number
  readonly size: number | string
}

export function QrImage({ value, alt, resolution = 640, size }: QrImageProps) {
  const [drawn, setDrawn] = useState<{ value: string; url: string } | null>(null)
  useEffect(() => {
    let isCurrent = true
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: resolution }).then(
      (url) => {
        if (isCurrent) setDrawn({ value, url })
      },
      () => {
        if (isCurrent) setDrawn(null)
      },
    )
    return () => {
      isCurrent = false
    }
  }, [value, resolution])
  if (!drawn) return <Skeleton w={size} h={size} radius={0} />
  return (
    <Image
      src={drawn.url}
      alt={alt}
      w={size}
      h={size}
      fit="contain"
      data-qr-value={drawn.value}
      style={{ imageRendering: 'pixelated' }}
    />
  )
}
