/**
 * A number as en-US text with thousands separators and at most `maxDecimals` decimals, trailing zeros dropped:
 * what `new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals }).format(value)` prints (rounding
 * half away from zero on the number's shortest decimal form, so 1.005 → "1.01"), without building one. The
 * first Intl.NumberFormat of a process loads ICU's number data: a seventh of the CLI's start-up went to it.
 */
export function groupedDecimal(value: number, maxDecimals: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞'
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''
  let { digits, point } = decimalDigits(Math.abs(value))
  // `digits` read as an integer, times 10^(point - digits.length), is the number.
  const keep = point + maxDecimals
  if (keep < digits.length) {
    const roundsUp = keep >= 0 && digits[keep]! >= '5'
    digits = keep > 0 ? digits.slice(0, keep) : ''
    if (roundsUp) {
      const up = incremented(digits)
      if (up.length > digits.length) point += 1
      digits = up
    } else if (keep < 0) point = keep - maxDecimals
  }
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0')
  const fraction = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0))).replace(/0+$/, '')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** The significant digits of a positive number's shortest form (no leading zeros) and where its decimal point falls. */
function decimalDigits(value: number): { digits: string; point: number } {
  const [mantissa, exponent] = String(value).split('e') as [string, string | undefined]
  const [whole, fraction = ''] = mantissa.split('.') as [string, string | undefined]
  const all = whole + fraction
  const leading = all.length - all.replace(/^0+/, '').length
  return { digits: all.slice(leading), point: whole.length + Number(exponent ?? 0) - leading }
}

/** A string of decimal digits plus one ('' counts as 0). */
function incremented(digits: string): string {
  let i = digits.length - 1
  while (i >= 0 && digits[i] === '9') i--
  if (i < 0) return `1${'0'.repeat(digits.length)}`
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1)
}
