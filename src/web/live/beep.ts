/** A short two-tone beep where the browser allows sound; the banner is the alert that always shows. */
export function beep(): void {
  try {
    const Context =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    const audio = new Context();
    const gain = audio.createGain();
    gain.gain.value = 0.2;
    gain.connect(audio.destination);
    [880, 660].forEach((frequency, index) => {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + index * 0.25);
      tone.stop(audio.currentTime + index * 0.25 + 0.2);
    });
    setTimeout(() => void audio.close(), 1_000);
  } catch {
    // No sound: the banner still shows.
  }
}
