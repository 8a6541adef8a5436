namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of all layers: a tree of named parameters, buffers and submodules (registered by name
        /// in the constructor), PyTorch-style dotted names (<c>fc1.weight</c>), train/eval mode, device and
        /// dtype moves, and safetensors checkpoints. A module owns its parameters and buffers: they never
        /// belong to a <see cref="DisposeScope"/> and are freed by <see cref="Dispose"/>.
        /// </summary>
        public abstract class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Tensor> _parameters = new();
            private readonly OrderedDictionary<string, Tensor> _buffers = new();
            private readonly OrderedDictionary<string, Module> _modules = new();

            /// <summary>True in training mode (the default), false after <see cref="eval"/>.</summary>
            public bool training { get; private set; } = true;

            /// <summary>Adds a trainable tensor (requires_grad is switched on) and takes ownership of it.</summary>
            protected Tensor register_parameter(string name, Tensor value)
            {
                CheckName(name);
                value.DetachFromDisposeScope();
                if (!value.requires_grad)
                {
                    value.requires_grad_();
                }
                _parameters[name] = value;
                return value;
            }

            /// <summary>Adds non-trainable state saved in checkpoints (e.g. running statistics) and takes ownership of it.</summary>
            protected Tensor register_buffer(string name, Tensor value)
            {
                CheckName(name);
                _buffers[name] = value.DetachFromDisposeScope();
                return value;
            }

            /// <summary>Adds a child module under <paramref name="name"/>, so its parameters and buffers appear under <c>name.</c> in dotted names and checkpoints; returns it.</summary>
            protected T register_module<T>(string name, T module)
                where T : Module
            {
                CheckName(name);
                _modules[name] = module;
                return module;
            }

            private void CheckName(string name)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                {
                    throw new ArgumentException($"invalid member name '{name}' (non-empty, no dots)", nameof(name));
                }
                if (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name))
                {
                    throw new ArgumentException($"'{name}' is already registered in {GetType().Name}", nameof(name));
                }
            }

            /// <summary>Parameters with dotted names, this module's first, then each submodule's in registration order.</summary>
            public IEnumerable<(string name, Tensor parameter)> named_parameters(bool recurse = true) =>
                Members(m => m._parameters, recurse);

            /// <summary>All trainable tensors (for an optimiser), in the order of <see cref="named_parameters"/>.</summary>
            public IEnumerable<Tensor> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Non-trainable state (e.g. fixed tables) with dotted names, this module's first, then each submodule's.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true) => Members(m => m._buffers, recurse);

            /// <summary>Direct submodules.</summary>
            public IEnumerable<(string name, Module module)> named_children() => _modules.Select(kv => (kv.Key, kv.Value));

            /// <summary>This module (named "") and all descendants with dotted names.</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                yield return (string.Empty, this);
                foreach (var (childName, child) in named_children())
                {
                    foreach (var (name, module) in child.named_modules())
                    {
                        yield return (name.Length == 0 ? childName : $"{childName}.{name}", module);
                    }
                }
            }

            private IEnumerable<(string, Tensor)> Members(Func<Module, OrderedDictionary<string, Tensor>> select, bool recurse)
            {
                foreach (var (prefix, module) in recurse ? named_modules() : [(string.Empty, this)])
                {
                    foreach (var (name, tensor) in select(module))
                    {
                        yield return (prefix.Length == 0 ? name : $"{prefix}.{name}", tensor);
                    }
                }
            }

            /// <summary>Sets training mode on this module and all descendants (affects e.g. <see cref="Dropout"/>).</summary>
            public Module train(bool mode = true)
            {
                foreach (var (_, module) in named_modules())
                {
                    module.training = mode;
                }
                return this;
            }

            /// <summary>Switches this module and all descendants to evaluation mode (same as <c>train(false)</c>); returns this module.</summary>
            public Module eval() => train(false);

            /// <summary>Moves parameters and buffers in place (the same tensor objects stay valid, e.g. for optimisers).</summary>
            public Module to(Device device)
            {
                foreach (var (_, tensor) in named_parameters().Concat(named_buffers()))
                {
                    tensor.ConvertInPlace(tensor.dtype, device);
                }
                return this;
            }

            /// <summary>Converts floating-point parameters and buffers in place; integer buffers keep their dtype (as in PyTorch).</summary>
            public Module to(ScalarType dtype)
            {
                foreach (var (_, tensor) in named_parameters().Concat(named_buffers()))
                {
                    if (tensor.dtype.IsFloatingPoint())
                    {
                        tensor.ConvertInPlace(dtype, tensor.device);
                    }
                }
                return this;
            }

            /// <summary>Drops all parameter gradients.</summary>
            public void zero_grad()
            {
                foreach (var p in parameters())
                {
                    p.zero_grad();
                }
            }

            /// <summary>Parameters and buffers by dotted name. The tensors are the module's own (not copies).</summary>
            public Dictionary<string, Tensor> state_dict() =>
                named_parameters().Concat(named_buffers()).ToDictionary(p => p.Item1, p => p.Item2);

            /// <summary>
            /// Copies <paramref name="state"/> into the module's tensors. All names, shapes and dtypes are checked
            /// before anything is copied; a mismatch throws <see cref="CheckpointMismatchException"/> listing every
            /// difference. <paramref name="strict"/> = false ignores missing and unexpected names.
            /// </summary>
            public void load_state_dict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
            {
                var own = state_dict();
                var problems = new List<string>();
                foreach (var (name, target) in own)
                {
                    if (!state.TryGetValue(name, out var source))
                    {
                        if (strict)
                        {
                            problems.Add($"missing '{name}' (module expects {Tensor.FormatShape(target.shape)} {target.dtype.TorchName()})");
                        }
                        continue;
                    }
                    if (!source.shape.SequenceEqual(target.shape))
                    {
                        problems.Add($"shape of '{name}': checkpoint {Tensor.FormatShape(source.shape)} vs module {Tensor.FormatShape(target.shape)}");
                    }
                    else if (source.dtype != target.dtype)
                    {
                        problems.Add($"dtype of '{name}': checkpoint {source.dtype.TorchName()} vs module {target.dtype.TorchName()}");
                    }
                }
                if (strict)
                {
                    problems.AddRange(state.Keys.Where(k => !own.ContainsKey(k)).Select(k => $"unexpected '{k}' (not in {GetType().Name})"));
                }
                if (problems.Count > 0)
                {
                    throw new CheckpointMismatchException(problems);
                }
                foreach (var (name, target) in own)
                {
                    if (state.TryGetValue(name, out var source))
                    {
                        target.copy_(source);
                    }
                }
            }

            /// <summary>Writes <see cref="state_dict"/> as a safetensors file (atomically: temp file, then rename).</summary>
            public void save(string path, IReadOnlyDictionary<string, string>? metadata = null) =>
                SafeTensors.Save(path, state_dict(), metadata);

            /// <summary>Loads a safetensors file written by <see cref="save"/> (or by Python) via <see cref="load_state_dict"/>.</summary>
            public void load(string path, bool strict = true)
            {
                using var file = SafeTensors.Load(path);
                load_state_dict(file.Tensors, strict);
            }

            /// <summary>Frees all parameters and buffers of this module and its descendants.</summary>
            public void Dispose()
            {
                foreach (var (_, tensor) in named_parameters().Concat(named_buffers()).ToList())
                {
                    tensor.Dispose();
                }
            }
        }
    }
}
