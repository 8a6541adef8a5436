namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Linear warmup then cosine decay, driving <see cref="Optimizer.lr"/>. Call <see cref="step"/> once per
        /// optimiser step, after <c>optimizer.step()</c>. The optimiser starts at the first warmup value.
        /// </summary>
        public sealed class WarmupCosineSchedule
        {
            private readonly Optimizer _optimizer;

            /// <summary>A schedule for <paramref name="optimizer"/>, whose current rate becomes the peak.</summary>
            /// <param name="optimizer">The optimiser whose <see cref="Optimizer.lr"/> is driven; its rate at construction is <see cref="BaseLr"/>.</param>
            /// <param name="warmupSteps">Steps of linear rise to <see cref="BaseLr"/> (0: none).</param>
            /// <param name="totalSteps">Step at which the cosine reaches <paramref name="minLr"/> (at least <paramref name="warmupSteps"/>).</param>
            /// <param name="minLr">The rate at and after <paramref name="totalSteps"/>.</param>
            public WarmupCosineSchedule(Optimizer optimizer, long warmupSteps, long totalSteps, double minLr = 0)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
                ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, warmupSteps);
                _optimizer = optimizer;
                BaseLr = optimizer.lr;
                WarmupSteps = warmupSteps;
                TotalSteps = totalSteps;
                MinLr = minLr;
                _optimizer.lr = LearningRate(0);
            }

            /// <summary>Peak learning rate, reached at the end of warmup (the optimiser's rate when the schedule was made).</summary>
            public double BaseLr { get; }

            /// <summary>Steps of linear rise to <see cref="BaseLr"/>.</summary>
            public long WarmupSteps { get; }

            /// <summary>Step at which the cosine decay reaches <see cref="MinLr"/>.</summary>
            public long TotalSteps { get; }

            /// <summary>The rate at and after <see cref="TotalSteps"/>.</summary>
            public double MinLr { get; }

            /// <summary>Optimiser steps taken so far.</summary>
            public long StepCount { get; private set; }

            /// <summary>Advances one step and sets the optimiser's rate for the next one.</summary>
            public void step()
            {
                StepCount++;
                _optimizer.lr = LearningRate(StepCount);
            }

            /// <summary>
            /// The rate for 0-based step <paramref name="step"/>: BaseLr·(step+1)/warmup during warmup, then
            /// MinLr + (BaseLr − MinLr)·½(1 + cos(π·progress)), progress going 0→1 over the remaining steps and
            /// staying at MinLr afterwards.
            /// </summary>
            public double LearningRate(long step)
            {
                if (step < WarmupSteps)
                {
                    return BaseLr * (step + 1) / WarmupSteps;
                }
                var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
                var progress = Math.Min(1.0, (double)(step - WarmupSteps) / decaySteps);
                return MinLr + (BaseLr - MinLr) * 0.5 * (1 + Math.Cos(Math.PI * progress));
            }
        }
    }
}
