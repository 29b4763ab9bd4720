//! The author's preview: a shortest line of choices from the start (or from a given line) to a
//! scene, so `play CASE --from SCENE` opens the game there with the state a trainee would have.
//! A breadth-first search over whole states, bounded: it never explores more than `max_states`.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use crate::engine::compile::Ix;
use crate::engine::game::{available, step};
use crate::engine::state::State;
use crate::engine::trace::Trace;
use crate::engine::{Compiled, Game};

/// States the preview search may visit before it gives up.
pub const MAX_PREVIEW_STATES: usize = 500_000;

/// The choice ids of a shortest line that reaches `scene` from the state after `line` (with
/// this seed), or why there is none.
pub fn line_to_scene(
    c: &Arc<Compiled>,
    seed: u64,
    line: &[String],
    scene: &str,
    max_states: usize,
) -> Result<Vec<String>, String> {
    let Some(target) = c.scenes.get(scene) else {
        let names: Vec<&str> = c.scenes.names.iter().map(String::as_str).collect();
        let hint = crate::case::diagnostic::suggestion(scene, names.iter().copied())
            .map(|m| format!(" ({m})"))
            .unwrap_or_default();
        return Err(format!("no scene `{scene}` in this case{hint}"));
    };
    let start = Game::replay(c.clone(), seed, line.iter().map(String::as_str))
        .map_err(|(i, e)| format!("move {} of the line ({}): {e}", i + 1, line[i]))?;
    let mut seen: HashSet<State> = HashSet::new();
    // Each entry: a state and the index of its parent step in `steps` (the path is rebuilt
    // from there, so the queue holds no copies of lines).
    let mut steps: Vec<(usize, Ix)> = Vec::new();
    let mut queue: VecDeque<(State, Option<usize>)> = VecDeque::new();
    seen.insert(start.state.clone());
    queue.push_back((start.state.clone(), None));
    while let Some((s, at)) = queue.pop_front() {
        if s.scene == target && s.ending.is_none() {
            let mut path = Vec::new();
            let mut k = at;
            while let Some(i) = k {
                let (parent, ix) = steps[i];
                path.push(c.choices.names[ix as usize].clone());
                k = (parent != usize::MAX).then_some(parent);
            }
            path.reverse();
            return Ok(path);
        }
        if s.ending.is_some() {
            continue;
        }
        for ix in available(c, &s) {
            let mut next = s.clone();
            step(c, &mut next, ix, &mut Trace::quiet());
            if seen.len() >= max_states {
                return Err(format!(
                    "scene `{scene}` was not reached within {max_states} states; give a line that gets near it with --line"
                ));
            }
            if seen.insert(next.clone()) {
                steps.push((at.unwrap_or(usize::MAX), ix));
                queue.push_back((next, Some(steps.len() - 1)));
            }
        }
    }
    Err(format!(
        "scene `{scene}` cannot be reached from here with seed {seed}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortest_line_reaches_a_late_scene_and_replays_there() {
        let l =
            crate::engine::load_bytes("haicheng.ron", include_bytes!("../../cases/haicheng.ron"));
        let c = l.case.unwrap();
        let target = c.scenes.names.last().unwrap().clone();
        let line = line_to_scene(&c, 7, &[], &target, MAX_PREVIEW_STATES).unwrap();
        let g = Game::replay(c.clone(), 7, line.iter().map(String::as_str)).unwrap();
        assert_eq!(c.scenes.names[g.state.scene as usize], target);
        assert!(line_to_scene(&c, 7, &[], "no_such_scene", 10).is_err());
    }
}
