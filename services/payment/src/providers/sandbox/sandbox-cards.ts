/** The built-in test provider's card numbers and what each one does (README lists them too). */

export type CardBehaviour =
  "succeed" | "decline" | "insufficient_funds" | "processing_error" | "settle_later";

export const TEST_CARDS: Record<string, { behaviour: CardBehaviour; description: string }> = {
  "4242424242424242": { behaviour: "succeed", description: "Visa: succeeds" },
  "5555555555554444": { behaviour: "succeed", description: "Mastercard: succeeds" },
  "4000000000000002": { behaviour: "decline", description: "declined (card_declined)" },
  "4000000000009995": {
    behaviour: "insufficient_funds",
    description: "declined (insufficient_funds)",
  },
  "4000000000000119": {
    behaviour: "processing_error",
    description: "fails after a delay (processing_error)",
  },
  "4000000000003220": {
    behaviour: "settle_later",
    description: "answers pending; a webhook settles it a moment later",
  },
};

/** Any other Luhn-valid number succeeds, as most providers' test modes do. */
export function behaviourOf(number: string): CardBehaviour {
  return TEST_CARDS[number]?.behaviour ?? "succeed";
}
