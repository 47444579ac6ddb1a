//! The `baogao` command line. (in progress)

fn main() {
    println!("baogao");
}
