/** A short, kind note on what research found, written for Attune. For the person alone. */
export function ResearchNote({ partnerName }: { partnerName: string }) {
  return (
    <div class="note bid-research">
      <h3 id="research-heading">What research on couples found</h3>
      <p>
        Researchers, best known among them John Gottman and his colleagues, followed couples for years and watched how partners
        answered each other's small bids. The couples still together years later had turned toward most of them, roughly 86 in
        every 100. The couples who later split had turned toward about a third, roughly 33 in every 100.
      </p>
      <p>
        No one turns toward every bid. A tired evening or a missed moment is not a verdict on anyone, and these figures describe
        many couples, not a forecast for you. Staying together is not the measure here: what matters is that both of you feel
        seen.
      </p>
      <p>
        Your picture here is for you alone. It is not a score, and Attune never shows it to {partnerName}. If something you notice
        feels worth saying, you could bring it up in your own words when it feels right, for example in <a href="/talk">Talk</a>.
      </p>
    </div>
  );
}
