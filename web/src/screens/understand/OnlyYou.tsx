/** The one wording for "this is private", shown wherever self-check answers appear. */
export function OnlyYou() {
  return (
    <p class="only-you">
      <strong>Only you can see this.</strong> Your partner is never shown your answers and is not told whether you check in.
    </p>
  );
}
