/** Whether a scroller is close enough to its end that new content should pull it along. */
export function isNearBottom(
  scrollTop: number,
  scrollHeight: number,
  clientHeight: number,
  slackPx = 48,
): boolean {
  return scrollHeight - scrollTop - clientHeight <= slackPx;
}
