/**
 * A click handler that acts only on the user's own click (mouse, touch, or Enter/Space on the button): a script's
 * element.click() or dispatched event is not trusted, so the portal page cannot press our buttons.
 */
export const trusted =
  (act: () => void) =>
  (event: { nativeEvent: Event }): void => {
    if (event.nativeEvent.isTrusted) act();
  };
