"""PPO for visual PointNav in RtfmGym, over the bridge: one file, read top to bottom (CleanRL style).

The environments run in ``rtfmgym serve`` (C#); this script holds the policy and the learning, in
PyTorch (Debian's ``python3-torch``). It mirrors the project's C# reference learner (``rtfmgym agent
train``, docs/agents.md): the same inputs, network shape and hyperparameters, so figures from the two
can be compared.

    ./rtfmgym serve &                                                   # tcp://127.0.0.1:5555
    /usr/bin/python3 clients/python/examples/ppo_pointnav.py --total-steps 20000 --save ppo.pt

Inputs: colour in [0, 1] and depth as 1 - exp(-d / 2 m) stacked as an image [4, H, W], and the goal as
(distance / 10 m, cos bearing, sin bearing). The pose is left out on purpose: a policy that sees its
absolute pose can learn one map by heart instead of learning to see. Actions are discrete (the
scenario must say ``action: {kind: discrete}``).

Vector environments step in one round trip (``RemoteVectorEnv.step_batch``) in ``SameStep`` autoreset
mode: an ended episode's last reward and end flags belong to the step that ended it, and the next
observation is already the new episode's first. Truncation cuts the bootstrap like termination does
(as CleanRL and the C# learner do).
"""

import argparse
import math
import os
import random
import sys
import time
from dataclasses import dataclass, fields

import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))  # rtfmgym_client without installing it
from rtfmgym_client import RemoteVectorEnv  # noqa: E402


@dataclass
class Args:
    """Every hyperparameter, with its default (the C# learner's, docs/agents.md; CleanRL's Atari values where one applies)."""

    endpoint: str = "tcp://127.0.0.1:5555"
    """Where ``rtfmgym serve`` listens."""
    scenario: str = "pointnav-apartment"
    """Shipped scenario to train in (its ``frames:`` decides the world: ground-truth or model)."""
    scenario_yaml: str = ""
    """Or a scenario file to send inline (overrides --scenario)."""
    seed: int = 1
    """Seeds Python, NumPy and torch (weights, action sampling, minibatch order) and the episodes (env i: seed + i)."""
    torch_threads: int = 1
    """CPU threads for torch; one is fastest for this small network on shared cores."""
    total_steps: int = 100_000
    """Environment transitions to train for, over all environments."""
    num_envs: int = 8
    """Environments stepped side by side, in one round trip per step."""
    num_steps: int = 64
    """Steps each environment takes per rollout; a rollout is num_envs x num_steps transitions."""
    learning_rate: float = 2.5e-4
    """Adam's learning rate at the start."""
    anneal_lr: bool = True
    """Whether the learning rate falls linearly to 0 over the run."""
    gamma: float = 0.99
    """Discount per step."""
    gae_lambda: float = 0.95
    """Lambda of generalised advantage estimation: 0 is one-step TD, 1 is Monte Carlo."""
    num_minibatches: int = 4
    """Minibatches each pass over a rollout is cut into."""
    update_epochs: int = 4
    """Passes over each rollout."""
    norm_adv: bool = True
    """Whether advantages are normalised to mean 0, std 1 within each minibatch."""
    clip_coef: float = 0.2
    """PPO's clip range: the probability ratio is clipped to [1 - clip, 1 + clip]."""
    ent_coef: float = 0.01
    """Weight of the entropy bonus."""
    vf_coef: float = 0.5
    """Weight of the value loss, 0.5 (V - return)^2."""
    max_grad_norm: float = 0.5
    """Gradients are scaled down to this global L2 norm."""
    initial_stop_probability: float = 0.01
    """Probability of the stop action (it ends the episode) under the first policy: with a uniform start over
    8 actions a random walk stops after 8 steps on average, before it ever meets a goal metres away."""
    save: str = ""
    """Where to save the trained network's state_dict (torch.save); empty for nowhere."""


DEPTH_SCALE = 2.0  # metres over which encoded depth rises from 0 to 1 - 1/e
GOAL_SCALE = 10.0  # metres per unit of the encoded goal distance
STOP_KEY = 7  # the discrete action that ends a PointNav episode


def parse_args(argv=None):
    """Args from the command line: one --flag per field (booleans take true/false)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for f in fields(Args):
        flag = "--" + f.name.replace("_", "-")
        if f.type is bool:
            parser.add_argument(flag, type=lambda s: s.lower() in ("1", "true", "yes"), default=f.default)
        else:
            parser.add_argument(flag, type=f.type, default=f.default)
    return Args(**vars(parser.parse_args(argv)))


def encode(obs):
    """Observations (a dict of arrays over environments) as network inputs: images [N, C, H, W] and goal vectors [N, 3] (or None)."""
    image = torch.from_numpy(np.ascontiguousarray(obs["rgb"])).permute(0, 3, 1, 2).float() / 255.0
    if "depth" in obs:
        depth = torch.from_numpy(np.nan_to_num(np.asarray(obs["depth"], dtype=np.float32), nan=np.inf, posinf=np.inf))
        depth = 1.0 - torch.exp(-depth.clamp(min=0.0) / DEPTH_SCALE)  # rays that hit nothing give 1
        image = torch.cat([image, depth.reshape(image.shape[0], 1, image.shape[2], image.shape[3])], dim=1)
    if "goal" not in obs:
        return image, None
    goal = torch.from_numpy(np.asarray(obs["goal"], dtype=np.float32))
    return image, torch.stack([goal[:, 0] / GOAL_SCALE, torch.cos(goal[:, 1]), torch.sin(goal[:, 1])], dim=1)


class Agent(nn.Module):
    """Three strided convolutions (16, 32, 32 channels) -> 128, joined with the goal -> 128 -> actor logits and critic value."""

    def __init__(self, channels, height, width, goal_size, actions, stop_action=None, stop_probability=0.01):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, 16, 5, stride=2), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2), nn.ReLU(),
            nn.Conv2d(32, 32, 3, stride=2), nn.ReLU(),
            nn.Flatten(),
        )
        with torch.no_grad():
            flat = self.encoder(torch.zeros(1, channels, height, width)).shape[1]
        self.image = nn.Sequential(nn.Linear(flat, 128), nn.ReLU())
        self.joint = nn.Sequential(nn.Linear(128 + goal_size, 128), nn.ReLU())
        self.actor = nn.Linear(128, actions)
        self.critic = nn.Linear(128, 1)
        nn.init.normal_(self.actor.weight, 0.0, 0.01)  # the first policy is near uniform
        nn.init.zeros_(self.actor.bias)
        if stop_action is not None:
            # Softmax with the other logits at 0: p = e^b / (actions - 1 + e^b).
            with torch.no_grad():
                self.actor.bias[stop_action] = math.log(stop_probability * (actions - 1) / (1 - stop_probability))

    def hidden(self, image, goal):
        x = self.image(self.encoder(image))
        return self.joint(x if goal is None else torch.cat([x, goal], dim=1))

    def get_value(self, image, goal):
        return self.critic(self.hidden(image, goal)).squeeze(1)

    def get_action_and_value(self, image, goal, action=None):
        h = self.hidden(image, goal)
        dist = Categorical(logits=self.actor(h))
        if action is None:
            action = dist.sample()
        return action, dist.log_prob(action), dist.entropy(), self.critic(h).squeeze(1)


def train(args):
    """Trains PPO as ``args`` say; returns the last rollout's figures (steps, steps_per_second, losses, mean_return, success_rate)."""
    # --- seeding -------------------------------------------------------------------------------
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.torch_threads)

    # --- environments ----------------------------------------------------------------------------
    if args.scenario_yaml:
        with open(args.scenario_yaml, encoding="utf-8") as f:
            where = {"scenario_yaml": f.read()}
    else:
        where = {"scenario": args.scenario}
    envs = RemoteVectorEnv(args.num_envs, endpoint=args.endpoint, autoreset_mode="SameStep", **where)
    try:
        space = envs.single_action_space
        if not hasattr(space, "n"):
            raise SystemExit(f"ppo_pointnav: the scenario has {space} actions; it needs discrete ones (action: {{kind: discrete}}).")
        action_start = int(getattr(space, "start", 0))

        obs, _ = envs.reset(seed=args.seed)
        image, goal = encode(obs)
        # Discrete keys: 0 no-op, 1 forward, 2 back, 3/4 strafe, 5/6 turn, 7 stop (docs/scenarios.md, "Action kinds").
        stop_action = STOP_KEY - action_start if 0 <= STOP_KEY - action_start < int(space.n) else None
        agent = Agent(image.shape[1], image.shape[2], image.shape[3], 0 if goal is None else goal.shape[1], int(space.n),
                      stop_action, args.initial_stop_probability)
        optimizer = torch.optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)

        # --- rollout storage (time-major) -----------------------------------------------------------
        T, N = args.num_steps, args.num_envs
        batch_size = T * N
        if batch_size % args.num_minibatches:
            raise SystemExit(f"ppo_pointnav: a rollout of {batch_size} transitions does not split into {args.num_minibatches} minibatches.")
        minibatch_size = batch_size // args.num_minibatches
        images = torch.zeros((T, N) + tuple(image.shape[1:]))
        goals = torch.zeros((T, N, goal.shape[1])) if goal is not None else None
        actions = torch.zeros((T, N), dtype=torch.long)
        logprobs, rewards, dones, values = (torch.zeros((T, N)) for _ in range(4))

        num_updates = max(1, args.total_steps // batch_size)
        next_done = torch.zeros(N)
        episode_return = np.zeros(N)
        ended_returns, ended_successes = [], []
        steps, start = 0, time.perf_counter()
        figures = {}
        for update in range(1, num_updates + 1):
            if args.anneal_lr:
                optimizer.param_groups[0]["lr"] = (1.0 - (update - 1.0) / num_updates) * args.learning_rate

            # --- collect a rollout ---------------------------------------------------------------
            ended_returns.clear()
            ended_successes.clear()
            for t in range(T):
                images[t] = image
                if goals is not None:
                    goals[t] = goal
                dones[t] = next_done
                with torch.no_grad():
                    action, logprob, _, value = agent.get_action_and_value(image, goal)
                actions[t], logprobs[t], values[t] = action, logprob, value
                obs, reward, terminated, truncated, infos = envs.step((action + action_start).numpy())
                rewards[t] = torch.from_numpy(reward.astype(np.float32))
                done = terminated | truncated
                next_done = torch.from_numpy(done.astype(np.float32))
                image, goal = encode(obs)
                episode_return += reward
                for i in np.flatnonzero(done):
                    ended_returns.append(episode_return[i])
                    final = infos["final_info"][i] if "final_info" in infos else {}
                    ended_successes.append(float(bool(final.get("success", False))))
                    episode_return[i] = 0.0
                steps += N

            # --- generalised advantage estimation ------------------------------------------------
            with torch.no_grad():
                next_value = agent.get_value(image, goal)
                advantages = torch.zeros((T, N))
                last = torch.zeros(N)
                for t in reversed(range(T)):
                    not_done = 1.0 - (next_done if t == T - 1 else dones[t + 1])
                    following = next_value if t == T - 1 else values[t + 1]
                    delta = rewards[t] + args.gamma * following * not_done - values[t]
                    last = delta + args.gamma * args.gae_lambda * not_done * last
                    advantages[t] = last
                returns = advantages + values

            # --- optimise the clipped surrogate -----------------------------------------------------
            b_images = images.reshape((-1,) + tuple(images.shape[2:]))
            b_goals = goals.reshape(batch_size, -1) if goals is not None else None
            b_actions, b_logprobs = actions.reshape(-1), logprobs.reshape(-1)
            b_advantages, b_returns, b_values = advantages.reshape(-1), returns.reshape(-1), values.reshape(-1)
            order = np.arange(batch_size)
            for _ in range(args.update_epochs):
                np.random.shuffle(order)
                for lo in range(0, batch_size, minibatch_size):
                    mb = torch.from_numpy(order[lo:lo + minibatch_size])
                    _, new_logprob, entropy, new_value = agent.get_action_and_value(
                        b_images[mb], None if b_goals is None else b_goals[mb], b_actions[mb])
                    log_ratio = new_logprob - b_logprobs[mb]
                    ratio = log_ratio.exp()
                    with torch.no_grad():
                        approx_kl = ((ratio - 1) - log_ratio).mean()
                    adv = b_advantages[mb]
                    if args.norm_adv:
                        adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                    pg_loss = torch.max(-adv * ratio, -adv * torch.clamp(ratio, 1 - args.clip_coef, 1 + args.clip_coef)).mean()
                    v_loss = 0.5 * ((new_value - b_returns[mb]) ** 2).mean()
                    entropy_loss = entropy.mean()
                    loss = pg_loss - args.ent_coef * entropy_loss + args.vf_coef * v_loss
                    optimizer.zero_grad()
                    loss.backward()
                    nn.utils.clip_grad_norm_(agent.parameters(), args.max_grad_norm)
                    optimizer.step()

            # --- report ------------------------------------------------------------------------
            elapsed = time.perf_counter() - start
            figures = {
                "steps": steps,
                "steps_per_second": steps / elapsed,
                "policy_loss": pg_loss.item(),
                "value_loss": v_loss.item(),
                "entropy": entropy_loss.item(),
                "approx_kl": approx_kl.item(),
                "episodes": len(ended_returns),
                "mean_return": float(np.mean(ended_returns)) if ended_returns else float("nan"),
                "success_rate": float(np.mean(ended_successes)) if ended_successes else float("nan"),
            }
            print("update {}/{}: {steps} steps, {steps_per_second:.0f}/s, return {mean_return:.2f}, success {success_rate:.2f}, "
                  "policy loss {policy_loss:.4f}, value loss {value_loss:.4f}, entropy {entropy:.3f}".format(update, num_updates, **figures), flush=True)

        if args.save:
            torch.save(agent.state_dict(), args.save)
        return figures
    finally:
        envs.close()


if __name__ == "__main__":
    train(parse_args())
