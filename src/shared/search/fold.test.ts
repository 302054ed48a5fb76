import { describe, expect, it } from 'vitest'
import { foldText, nameTokens, plateKey } from './fold'

describe('search folding', () => {
  it.each([
    ['Søren Ærø Østergård', 'soren aero ostergard'],
    ['Göran Sjöberg', 'goran sjoberg'],
    ['José Conceição', 'jose conceicao'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Gœrgen', 'goergen'],
    ['Straße', 'strasse']
  ])('folds %s to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded)
  })

  it('splits names into unique folded words, ignoring punctuation', () => {
    expect(nameTokens("D'Hondt", 'Van den Broeck', null)).toEqual(['d', 'hondt', 'van', 'den', 'broeck'])
    expect(nameTokens('Reuter Logistique S.à r.l.')).toContain('logistique')
  })

  it('compares plates without spaces, dashes or case', () => {
    expect(plateKey('ab 12 345')).toBe('AB12345')
    expect(plateKey('1-ABC-123')).toBe('1ABC123')
  })
})
