// Seconds left of a wait, ticking down once a second from when the component mounted. Key the
// component by the error it shows, so a new wait starts a new countdown.
import { useEffect, useState } from 'react';

export function useCountdown(seconds: number | undefined): number | undefined {
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    if (seconds === undefined || seconds <= 0) return;
    const endsAt = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds]);

  return left;
}
