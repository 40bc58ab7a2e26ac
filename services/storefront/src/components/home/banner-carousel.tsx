"use client";

import { useEffect, useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { ShoppingBag } from "lucide-react";
import clsx from "clsx";
import type { Slide } from "@/lib/api/home";

/**
 * The gradient banner carousel: slides scroll-snap horizontally (swipe works without script);
 * dots and autoplay come with hydration. Autoplay pauses on hover/focus and with reduced motion.
 */
export function BannerCarousel({
  slides,
  autoplayMs,
  label,
}: {
  slides: Slide[];
  autoplayMs: number;
  label: string;
}) {
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);

  const go = (next: number) => {
    const el = track.current;
    if (!el) return;
    el.scrollTo({ left: next * el.clientWidth, behavior: "smooth" });
  };

  useEffect(() => {
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (paused || reduce || autoplayMs <= 0 || slides.length < 2) return;
    const timer = window.setInterval(() => go((index + 1) % slides.length), autoplayMs);
    return () => window.clearInterval(timer);
  }, [index, paused, autoplayMs, slides.length]);

  return (
    <section
      aria-roledescription="carousel"
      aria-label={label}
      className="relative mx-4 overflow-hidden rounded-none"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div
        ref={track}
        className="scrollbar-none flex snap-x snap-mandatory overflow-x-auto"
        onScroll={(e) => {
          const el = e.currentTarget;
          setIndex(Math.round(el.scrollLeft / Math.max(1, el.clientWidth)));
        }}
      >
        {slides.map((slide, i) => (
          <div
            key={slide.id}
            role="group"
            aria-roledescription="slide"
            aria-label={`${i + 1} / ${slides.length}`}
            className="relative flex h-40 w-full shrink-0 snap-start items-center overflow-hidden px-5"
            style={{
              background: slide.visual.gradient ?? "linear-gradient(135deg, #667eea, #764ba2)",
            }}
          >
            <div className="absolute inset-0 bg-black/30" aria-hidden />
            <div className="relative z-10 flex max-w-[62%] flex-col gap-1.5 text-white">
              <p className="text-2xl font-bold leading-tight">{slide.title}</p>
              <p className="line-clamp-2 text-sm leading-snug">{slide.subtitle}</p>
              <Link
                href={slide.cta.href}
                tabIndex={i === index ? 0 : -1}
                className="mt-1 inline-flex h-9 w-fit items-center rounded-lg bg-white px-4 text-sm font-bold text-ink hover:bg-slate-100"
              >
                {slide.cta.text}
                <span className="sr-only"> — {slide.title}</span>
              </Link>
            </div>
            <div
              className="absolute right-4 top-1/2 z-10 grid size-24 -translate-y-1/2 place-items-center rounded-2xl bg-white/90"
              aria-hidden
            >
              <ShoppingBag className="size-12 text-slate-800" strokeWidth={1.5} />
            </div>
          </div>
        ))}
      </div>
      {slides.length > 1 ? (
        <div className="absolute inset-x-0 bottom-2 z-10 flex justify-center gap-1.5">
          {slides.map((slide, i) => (
            <button
              key={slide.id}
              type="button"
              onClick={() => go(i)}
              aria-label={`${i + 1}번째 배너 보기`}
              aria-current={i === index ? "true" : undefined}
              className="grid h-6 w-7 place-items-center"
            >
              <span
                className={clsx(
                  "block h-1 rounded-full",
                  i === index ? "w-5 bg-white" : "w-3 bg-white/60",
                )}
              />
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
