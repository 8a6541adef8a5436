namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Training utilities.</summary>
        public static class utils
        {
            /// <summary>
            /// Scales all gradients so that their global L2 norm (over all parameters together) is at most
            /// <paramref name="maxNorm"/>. Returns the norm before clipping. Parameters without gradients are skipped.
            /// </summary>
            public static unsafe double clip_grad_norm_(IEnumerable<Tensor> parameters, double maxNorm)
            {
                var list = parameters.ToList();
                var handles = list.Select(p => p.Handle.DangerousGetHandle()).ToArray();
                double norm;
                fixed (IntPtr* p = handles)
                {
                    norm = NativeMethods.rt_clip_grad_norm(p, handles.Length, maxNorm);
                }
                // The raw pointers are only valid while the tensors are reachable.
                GC.KeepAlive(list);
                if (norm < 0)
                {
                    NativeMethods.CheckForErrors();
                }
                return norm;
            }
        }
    }
}
